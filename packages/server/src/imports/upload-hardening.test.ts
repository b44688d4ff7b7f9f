import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { ensureCountryRoot } from '../bootstrap/root-jurisdiction.ts';
import { addUser, loginAs, type TestClient } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { CSV_MIME, XLSX_MIME } from './import-http.ts';

// Issue 12 defects 2 and 3 (OWASP ASVS 12.1.1 file size, 13.1 request limits; availability of the
// platform, REQUIREMENTS NFR on availability): bodies and uploads are bounded before they cost memory.

interface RawAnswer {
  status: number | null;
  body: string;
  sent: number;
}

/**
 * Sends a body in 64 KiB chunks until the server answers or `maxBytes` are sent (then ends it when
 * no length was declared); `declared` sends a content-length the client never fulfils.
 */
function rawPost(port: number, path: string, headers: Record<string, string>, maxBytes: number, declared?: number): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const finish = (answer: RawAnswer) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      req.destroy();
      resolve(answer);
    };
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { ...headers, ...(declared === undefined ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(declared) }) },
    });
    const timer = setTimeout(() => finish({ status: null, body: 'no answer in 10 s', sent }), 10_000);
    req.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => finish({ status: response.statusCode ?? null, body, sent }));
    });
    req.on('error', () => undefined);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!answered && sent < maxBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered && declared === undefined) req.end();
    };
    pump();
  });
}

/** A zip written by hand, so an entry can declare another size than it inflates to. */
function zipOf(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An .xlsx whose sheet inflates to `inflated` bytes of XML padding (a zip bomb when the limit is lower). */
function bombXlsx(inflated: number, declaredSize?: number): Buffer {
  const head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const padding = Buffer.alloc(inflated, 0x20);
  padding.write(head, 0);
  padding.write('</sheetData></worksheet>', inflated - 24);
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: 'xl/worksheets/sheet1.xml', data: padding, declaredSize },
  ]);
}

async function workbookOf(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('结果');
  sheet.addRow(['条码', '结果']);
  for (let i = 0; i < rows; i++) sheet.addRow([`B${String(i).padStart(9, '0')}`, '阴性']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('issue 12 defects 2 and 3: bounded bodies and uploads', () => {
  let runtime: TestRuntime;
  let port: number;
  let admin: TestClient;
  let rootId: string;
  const MB = 1024 * 1024;

  before(async () => {
    runtime = await createTestRuntime({
      FANGKONG_LOGIN_RATE: '1000',
      FANGKONG_UPLOAD_XLSX_INFLATED_BYTES: String(4 * MB),
      FANGKONG_UPLOAD_MAX_ROWS: '1000',
      FANGKONG_UPLOAD_MAX_COLUMNS: '10',
    });
    rootId = await ensureCountryRoot(runtime.deps.database.db);
    await addUser(runtime.deps, 'upload-admin', 'system_admin', rootId);
    admin = await loginAs(runtime.app, 'upload-admin');
    await runtime.app.listen({ port: 0, host: '127.0.0.1' });
    port = (runtime.app.server.address() as AddressInfo).port;
  });
  after(() => runtime.close());

  const upload = (url: string, type: string, payload: Buffer) =>
    runtime.app.inject({ method: 'POST', url, headers: { ...admin.headers, 'content-type': type }, payload });

  describe('defect 2: unauthenticated memory exhaustion', () => {
    it('POST /api/auth/login declaring a 150 MB text/csv body is refused 413 at once, the body unread (issue 12 defect 2)', async () => {
      const answer = await rawPost(port, '/api/auth/login', { 'content-type': CSV_MIME }, 256 * 1024, 150 * MB);
      assert.equal(answer.status, 413, answer.body);
      assert.match(answer.body, /64 KiB/);
    });

    it('POST /api/auth/login with a chunked text/csv body is refused before 8 MB are buffered (issue 12 defect 2)', async () => {
      const answer = await rawPost(port, '/api/auth/login', { 'content-type': CSV_MIME }, 8 * MB);
      assert.ok(answer.status === 413 || answer.status === 415, `${answer.status} ${answer.body}`);
    });

    it('a JSON route takes at most 64 KiB (FANGKONG_BODY_LIMIT), chunked or not (issue 12 defect 2)', async () => {
      const answer = await rawPost(port, '/api/auth/login', { 'content-type': 'application/json' }, 512 * 1024);
      assert.equal(answer.status, 413, answer.body);
    });

    it('an unauthenticated upload is refused 401 before its body is read (issue 12 defect 2)', async () => {
      for (const [path, type] of [
        ['/api/testing/lab-results/imports', CSV_MIME],
        [`/api/key-persons/imports?jurisdictionId=${rootId}`, XLSX_MIME],
        [`/api/testing/group-imports?jurisdictionId=${rootId}`, XLSX_MIME],
      ] as const) {
        const answer = await rawPost(port, path, { 'content-type': type }, 128 * 1024, 10 * MB);
        assert.equal(answer.status, 401, `${path}: ${answer.body}`);
      }
    });

    it('upload parsers exist only on the upload routes: a signed-in JSON route answers 415 to text/csv (issue 12 defect 2)', async () => {
      const answer = await runtime.app.inject({
        method: 'POST',
        url: '/api/testing/lab-results',
        headers: { ...admin.headers, 'content-type': CSV_MIME },
        payload: 'barcode,result\n',
      });
      assert.equal(answer.statusCode, 415, answer.body);
    });
  });

  describe('defect 3: one upload can take the server down', () => {
    it('a zip-bomb .xlsx whose central directory declares more than the inflated limit is refused 413 naming it (issue 12 defect 3)', async () => {
      const bomb = bombXlsx(64 * MB);
      assert.ok(bomb.length < MB, `${bomb.length} bytes on the wire`);
      for (const url of ['/api/testing/lab-results/imports', `/api/key-persons/imports?jurisdictionId=${rootId}&wait=true`]) {
        const answer = await upload(url, XLSX_MIME, bomb);
        assert.equal(answer.statusCode, 413, `${url}: ${answer.body}`);
        assert.equal(answer.json().code, 'uploadTooLarge');
        assert.match(answer.json().message, /4 MiB/);
      }
    });

    it('a zip-bomb .xlsx that declares a small size and inflates to more is stopped at its declaration (issue 12 defect 3)', async () => {
      const answer = await upload(`/api/testing/group-imports?jurisdictionId=${rootId}&wait=true`, XLSX_MIME, bombXlsx(64 * MB, 1000));
      assert.equal(answer.statusCode, 413, answer.body);
      assert.equal(answer.json().code, 'uploadTooLarge');
    });

    it('a CSV over FANGKONG_UPLOAD_MAX_ROWS is refused 422 with the limit, nothing imported (issue 12 defect 3)', async () => {
      const lines = ['条码,结果', ...Array.from({ length: 1001 }, (_, i) => `B${String(i).padStart(9, '0')},阴性`)];
      const answer = await upload('/api/testing/lab-results/imports?wait=true', CSV_MIME, Buffer.from(lines.join('\n')));
      assert.equal(answer.statusCode, 422, answer.body);
      assert.equal(answer.json().code, 'uploadTooManyRows');
      assert.match(answer.json().message, /1000/);
    });

    it('a CSV over FANGKONG_UPLOAD_MAX_COLUMNS is refused 422 with the limit (issue 12 defect 3)', async () => {
      const header = ['条码', '结果', ...Array.from({ length: 20 }, (_, i) => `c${i}`)].join(',');
      const answer = await upload('/api/testing/lab-results/imports?wait=true', CSV_MIME, Buffer.from(`${header}\nB1,阴性\n`));
      assert.equal(answer.statusCode, 422, answer.body);
      assert.equal(answer.json().code, 'uploadTooManyColumns');
      assert.match(answer.json().message, /10/);
    });

    it('an .xlsx whose sheet declares more rows than the limit is refused 422 before it is loaded (issue 12 defect 3)', async () => {
      const answer = await upload('/api/testing/lab-results/imports?wait=true', XLSX_MIME, await workbookOf(1001));
      assert.equal(answer.statusCode, 422, answer.body);
      assert.equal(answer.json().code, 'uploadTooManyRows');
    });

    it('a file within the limits is still imported (issue 12 defect 3)', async () => {
      const answer = await upload('/api/testing/lab-results/imports?wait=true', XLSX_MIME, await workbookOf(3));
      assert.equal(answer.statusCode, 202, answer.body);
    });
  });
});
