import { inflateRawSync } from 'node:zlib';
import { checkSheetSize, type UploadLimits, uploadRefused } from './upload-limits.ts';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** An .xlsx holds some dozen parts; thousands of entries is no workbook. */
const MAX_ENTRIES = 10_000;
const FIRST_SHEET = 'xl/worksheets/sheet1.xml';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The end-of-central-directory record: within the last 64 KiB + 22 bytes. */
function endRecord(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw uploadRefused('uploadNotXlsx');
}

/** The entries as the central directory declares them; nothing is inflated here. */
function centralDirectory(zip: Buffer): ZipEntry[] {
  const end = endRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  const offset = zip.readUInt32LE(end + 16);
  // ZIP64 markers: no workbook within the upload limits needs them.
  if (count === 0xffff || offset === 0xffffffff) throw uploadRefused('uploadNotXlsx');
  if (count > MAX_ENTRIES) throw uploadRefused('uploadNotXlsx');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw uploadRefused('uploadNotXlsx');
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates one entry, never to more than it declares: an entry that lies about its size is a bomb. */
function inflateEntry(zip: Buffer, entry: ZipEntry, limits: UploadLimits): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) throw uploadRefused('uploadNotXlsx');
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw uploadRefused('uploadNotXlsx');
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw uploadRefused('uploadNotXlsx');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if (error instanceof RangeError) throw uploadRefused('uploadTooLarge', limits.xlsxInflatedBytes);
    throw uploadRefused('uploadNotXlsx');
  }
}

/** Rows and columns of `<dimension ref="A1:F123"/>` near the head of a worksheet, when it says. */
function dimensionOf(sheetXml: Buffer): { rows: number; columns: number } | null {
  const match = /<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"/.exec(sheetXml.toString('utf8', 0, Math.min(sheetXml.length, 4096)));
  if (!match?.[1] || !match[2]) return null;
  const columns = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { rows: Number(match[2]) - 1, columns };
}

/**
 * Checks an .xlsx before any library inflates it (issue 12 defect 3): the central directory's
 * declared sizes against the inflated cap, every entry inflated within its declared size (bounded,
 * so a lying entry stops at the cap), and the first sheet's declared rows and columns.
 */
export function guardXlsx(zip: Buffer, limits: UploadLimits): void {
  if (zip.length > limits.xlsxBytes) throw uploadRefused('uploadTooLarge', limits.xlsxBytes);
  const entries = centralDirectory(zip);
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > limits.xlsxInflatedBytes) throw uploadRefused('uploadTooLarge', limits.xlsxInflatedBytes);
  for (const entry of entries) {
    const inflated = inflateEntry(zip, entry, limits);
    if (inflated.length > entry.size) throw uploadRefused('uploadTooLarge', limits.xlsxInflatedBytes);
    const size = entry.name === FIRST_SHEET ? dimensionOf(inflated) : null;
    if (size) checkSheetSize(size.rows, size.columns, limits);
  }
}
