/** @module Benchmark of issue #13 ("no request can stall or exhaust the server"), against the real server process
 * (`node --import tsx server/main.ts` on its own SQLite database): while each hostile request runs, GET
 * /api/v1/health is timed every 25 ms (target: under 200 ms), and the server's resident memory is sampled
 * (target: under 200 MB growth per upload of up to 8 MB, whatever it declares); a valid 100,000-row import
 * (target: health under 200 ms); and SIGTERM in the middle of a stream of saves on keep-alive connections
 * (target: 0 acknowledged saves missing from the database, 0 saved but not acknowledged). Prints figures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { cliActor } from '../server/audit/audit.ts';
import { createUser } from '../server/auth/users.ts';
import { openDatabase } from '../server/db/database.ts';
import { startServer } from '../test/support/server-process.ts';
import { scratchDir } from './run.ts';

const HEALTH_TARGET_MS = 200;
const MEMORY_TARGET_MB = 200;
const PASSWORD = 'bench password for hostile requests';
const work = scratchDir('hostile');
const dbUrl = `sqlite:${join(work, 'bench.sqlite')}`;
const line = (label: string, value: string, note = '') => console.log(`${label.padEnd(64)} ${value.padStart(12)}   ${note}`);

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const workbook = (n: number) => `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${Array.from({ length: n }, (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
const rels = (n: number) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from({ length: n }, (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`;
const sheet = (data: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER_ROW = `<row r="1">${['Mã xã', 'Tên xã', 'Kỳ báo cáo', 'Tiêu chí', 'Đạt'].map((t, c) => inline(`${'ABCDE'[c]}1`, t)).join('')}</row>`;

function xlsx(sheets: string[]): Uint8Array {
  const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(CONTENT_TYPES), 'xl/workbook.xml': strToU8(workbook(sheets.length)), 'xl/_rels/workbook.xml.rels': strToU8(rels(sheets.length)) };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  return zipSync(files, { level: 9 });
}

/** A zip whose entries declare 1 KB each, whatever they inflate to. */
function lyingZip(entries: Record<string, string | Buffer>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = deflateRawSync(typeof text === 'string' ? Buffer.from(text) : text, { level: 9 });
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.byteLength, 18);
    local.writeUInt32LE(1024, 22);
    local.writeUInt16LE(n.byteLength, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(data.byteLength, 20);
    dir.writeUInt32LE(1024, 24);
    dir.writeUInt16LE(n.byteLength, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, n, data);
    central.push(dir, n);
    offset += 30 + n.byteLength + data.byteLength;
  }
  const size = central.reduce((s, b) => s + b.byteLength, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}

const rssMb = (pid: number) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
};

const server = await startServer({ DATABASE_URL: dbUrl, NTM_SHUTDOWN_GRACE_MS: '10000' }, 600_000);
const pid = server.pid;
try {
  const ndb = await openDatabase(dbUrl);
  const communes = (await ndb.db.selectFrom('unit').select('code').where('district_code', '=', '610').where('level', '=', 'commune').where('rural', '=', 1).where('structure', '=', 'pre2025').orderBy('code').execute()).map((r) => r.code);
  for (const [role, unit, email] of [['district', '610', 'd@bench.example'], ['district', '610', 'd2@bench.example'], ['commune', communes[0]!, 'c@bench.example']] as const) {
    await createUser(ndb.db, { email, role, unit, password: PASSWORD }, cliActor('bench'));
  }
  await ndb.close();

  const signIn = async (email: string) => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: server.url }, body: JSON.stringify({ email, password: PASSWORD }) });
    if (res.status !== 200) throw new Error(`sign-in ${res.status}: ${await res.text()}`);
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrf_token } = (await res.json()) as { csrf_token: string };
    return (method: string, path: string, body?: BodyInit, type?: string) =>
      fetch(`${server.url}${path}`, { method, headers: { Cookie: cookie, Origin: server.url, 'X-CSRF-Token': csrf_token, ...(type ? { 'Content-Type': type } : {}) }, ...(body !== undefined ? { body } : {}) });
  };
  const district = await signIn('d@bench.example');
  const commune = await signIn('c@bench.example');
  const upload = (content: Uint8Array | string, name: string, dryRun = 1) => {
    const form = new FormData();
    form.append('file', new Blob([content as BlobPart]), name);
    return district('POST', `/api/v1/admin/imports?dryRun=${dryRun}`, form);
  };
  await (await upload('Mã xã,Tên xã,Kỳ báo cáo,Tiêu chí,Đạt\n', 'warm.csv')).arrayBuffer(); // starts the import worker

  /** Runs a request while timing health every 25 ms and sampling the server's memory. */
  const measure = async (label: string, run: () => Promise<Response>, note = '') => {
    const before = rssMb(pid);
    let done = false;
    let slowest = 0;
    let resets = 0;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10);
    const probes = (async () => {
      let failures = 0;
      while (!done) {
        const t = performance.now();
        try {
          await (await fetch(`${server.url}/api/v1/health`)).arrayBuffer();
          slowest = Math.max(slowest, performance.now() - t);
          failures = 0;
        } catch (error) {
          // A keep-alive connection the server closed as the client reused it: try again (five in a row: down).
          if (++failures >= 5) throw error;
          resets++;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const t = performance.now();
    // A keep-alive connection that the server closed (idle) just as the client reused it: send again.
    const res = await run().catch(() => run());
    const text = await res.text();
    const ms = performance.now() - t;
    done = true;
    await probes;
    clearInterval(sampler);
    const growth = peak - before;
    line(`${label}: answer`, `${res.status} in ${Math.round(ms)} ms`, note || text.slice(0, 70).replace(/\s+/g, ' '));
    line(`${label}: slowest health meanwhile`, `${Math.round(slowest)} ms`, `${slowest < HEALTH_TARGET_MS ? `ok (target < ${HEALTH_TARGET_MS} ms)` : `OVER the ${HEALTH_TARGET_MS} ms target`}${resets ? ` (${resets} connection reset${resets > 1 ? 's' : ''} retried)` : ''}`);
    line(`${label}: server memory growth`, `${Math.round(growth)} MB`, growth < MEMORY_TARGET_MB ? `ok (target < ${MEMORY_TARGET_MB} MB)` : `OVER the ${MEMORY_TARGET_MB} MB target`);
  };

  console.log(`Hostile requests against the server (pid ${pid}, SQLite), health timed every 25 ms\n`);
  const target = { scope: '610', metric: 'target_communes_nang_cao', value: '5', deadline: '2026-12-31', source: 'KH 1', source_url: `http://${'a'.repeat(1_000_000)} x` };
  await measure('1 MB backtracking URL (district officer)', () => district('POST', '/api/v1/admin/targets', JSON.stringify(target), 'application/json'));
  await measure('1 MB backtracking URL (commune officer)', () => commune('POST', '/api/v1/admin/targets', JSON.stringify(target), 'application/json'));
  await measure('XLSX of 200 KB of unclosed "<c "', () => upload(xlsx([sheet(`<row r="1">${'<c '.repeat(70_000)}`)]), 'tags.xlsx'));
  const bomb = lyingZip({ 'xl/workbook.xml': workbook(1), 'xl/_rels/workbook.xml.rels': rels(1), 'xl/worksheets/sheet1.xml': Buffer.concat([Buffer.from(sheet(`<row r="1">${inline('A1', 'x')}</row>`).replace('</worksheet>', '<!--')), Buffer.alloc(1024 * 1024 * 1024, 0x20), Buffer.from('--></worksheet>')]) });
  await measure(`zip declaring 1 KB, inflating to 1 GiB (${(bomb.byteLength / 1e6).toFixed(1)} MB upload)`, () => upload(bomb, 'bomb.xlsx'));
  const secondSheet = xlsx([sheet(`${HEADER_ROW}<row r="2">${['23362', '', '2025-06', 'TC01', 'Đạt'].map((t, c) => inline(`${'ABCDE'[c]}2`, t)).join('')}</row>`), sheet('<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(1_200_000))]);
  await measure(`second sheet of 1.2 M rows (${(secondSheet.byteLength / 1e6).toFixed(1)} MB upload)`, () => upload(secondSheet, 'two.xlsx'));
  // The largest workbook admitted: 100,000 rows with every string inline, a sheet of about 60 MB unpacked.
  const rows = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 2}">${[communes[i % communes.length]!, 'Xã Mường Hoong Thượng', '2025-06', `TC${String(1 + (i % 19)).padStart(2, '0')}`, 'Không đạt'].map((t, c) => inline(`${'ABCDE'[c]}${i + 2}`, t)).join('')}</row>`);
  const big = xlsx([sheet(HEADER_ROW + rows.join(''))]);
  await measure(`XLSX of 100,000 rows (${(big.byteLength / 1e6).toFixed(1)} MB upload)`, () => upload(big, 'big.xlsx'));
  const csv = `Mã xã,Tên xã,Kỳ báo cáo,Tiêu chí,Đạt\n${Array.from({ length: 100_000 }, (_, i) => `${communes[i % communes.length]},,${2021 + Math.floor(i / (19 * communes.length * 12))}-${String(1 + (Math.floor(i / (19 * communes.length)) % 12)).padStart(2, '0')},${1 + (i % 19)},Đạt\n`).join('')}`;
  await measure(`CSV of 100,000 rows (most refused as repeats), dry run (${(csv.length / 1e6).toFixed(1)} MB)`, () => upload(csv, 'big.csv'));
  const random = new Uint8Array(8 * 1024 * 1024 - 4096).map(() => (Math.random() * 256) | 0);
  random.set([0x50, 0x4b, 0x03, 0x04]);
  await measure('8 MB of random bytes named .xlsx', () => upload(random, 'random.xlsx'));

  // SIGTERM in the middle of saves on keep-alive connections.
  console.log('\nSIGTERM during saves (8 officials saving in a loop on keep-alive connections)\n');
  const saver = await signIn('d2@bench.example');
  const period = '2025-06';
  const acknowledged = new Map<string, number>(); // commune → highest version acknowledged
  let afterSignal = 0;
  let refused = 0;
  let failed = 0;
  let signalled = false;
  const loops = communes.slice(0, 8).map(async (code, k) => {
    for (let n = 0; ; n++) {
      let form: { version: number | null; groups: Array<{ criteria: Array<{ number: number; met: boolean }> }> };
      try {
        const res = await saver('GET', `/api/v1/admin/reviews/${code}/${period}`);
        if (res.status !== 200) {
          const text = await res.text();
          if (signalled) return;
          if (n === 0) console.log(`GET ${code}: ${res.status} ${text.slice(0, 120)}`);
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        form = (await res.json()) as typeof form;
        const body = { criteria: form.groups.flatMap((g) => g.criteria).map((c) => ({ number: c.number, met: (c.number + n + k) % 3 !== 0 })), ...(form.version ? { version: form.version } : {}) };
        const put = await saver('PUT', `/api/v1/admin/reviews/${code}/${period}`, JSON.stringify(body), 'application/json');
        if (put.status === 200) {
          const saved = (await put.json()) as { version: number };
          acknowledged.set(code, Math.max(acknowledged.get(code) ?? 0, saved.version));
          if (signalled) afterSignal++;
        } else {
          const text = await put.text();
          if (!signalled && n === 0) console.log(`PUT ${code}: ${put.status} ${text.slice(0, 120)}`);
          if (put.status === 503) refused++;
          if (signalled) return;
        }
      } catch {
        if (signalled) {
          failed++;
          return;
        }
      }
    }
  });
  await new Promise((r) => setTimeout(r, 3000));
  signalled = true;
  const stopped = server.stop();
  await Promise.all(loops);
  const code = await stopped;
  const after = await openDatabase(dbUrl);
  let lost = 0;
  let phantom = 0;
  for (const [c, version] of acknowledged) {
    const row = await after.db.selectFrom('review').select('version').where('commune_code', '=', c).where('period', '=', period).executeTakeFirst();
    const stored = row?.version ?? 0;
    if (stored < version) lost++;
    if (stored > version) phantom += stored - version;
  }
  await after.close();
  line('exit code after SIGTERM', String(code));
  line('saves acknowledged in all', String([...acknowledged.values()].reduce((a, b) => a + b, 0)));
  line('saves acknowledged after the signal', String(afterSignal), 'requests already running when it came');
  line('requests refused after the signal (503, Connection: close)', String(refused));
  line('acknowledged saves missing from the database (lost)', String(lost), lost === 0 ? 'ok (target 0)' : 'OVER the target of 0');
  line('saves in the database never acknowledged (phantom)', String(phantom), phantom === 0 ? 'ok (target 0)' : 'OVER the target of 0');
  line('requests after the signal that found the connection closed', String(failed), 'not acknowledged, not saved');
} catch (error) {
  await new Promise((r) => setTimeout(r, 1000));
  console.error(`bench failed: ${(error as Error).stack} ${String((error as { cause?: unknown }).cause)}\n--- server output ---\n${server.output().slice(-3000)}`);
  process.exitCode = 1;
} finally {
  await server.stop();
}
