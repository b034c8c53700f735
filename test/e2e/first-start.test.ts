// `npm start`'s path end to end: a fresh SQLite database is created and seeded on first start with both
// eras (the pre-2025 units to 2025-06, today's from 2025-07 to the last complete month), the health check
// reports the whole country, the archive served over HTTP carries only communes the database knows in every
// province, the page draws the map in Chromium (today's units by default, the old ones in a 2025-06 link),
// and SIGTERM stops cleanly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/config/paths.ts';
import { openDatabase, type NtmDatabase } from '../../server/db/database.ts';
import { lastCompleteMonth } from '../../server/seed/seed.ts';
import { launchBrowser } from '../support/browser.ts';
import { classOf, legendRows, renderedCommunes } from '../support/e2e.ts';
import { FetchSource, openArchive } from '../support/pmtiles.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

const work = mkdtempSync(join(tmpdir(), 'ntm-e2e-'));
const databaseUrl = `sqlite:${join(work, 'ntm.sqlite')}`;
let server: ServerProcess;
let health: { status: string; database: string; communes: number; periods: [string, string]; tiles: string; structures: Array<{ code: string }> };

beforeAll(async () => {
  server = await startServer({ DATABASE_URL: databaseUrl });
  health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as typeof health;
}, 240_000);
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const tileOf = (lon: number, lat: number, z: number) => {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
  return { z, x, y };
};

describe('first start on a fresh SQLite file', () => {
  it('seeds the database and reports the whole country in the health check', () => {
    expect(server.output()).toMatch(/Seeding the sqlite database/);
    // 10,047 communes before the reform and 3,321 today; reviews from 2021-01 to last month.
    expect(health).toMatchObject({ status: 'ok', database: 'sqlite', communes: 10047 + 3321, periods: ['2021-01', lastCompleteMonth(new Date())] });
    expect(health.structures.map((s) => s.code)).toEqual(['pre2025', '2025-07']);
    // The first start says what it does while it seeds, and stays within two minutes.
    expect(server.output()).toMatch(/reviews \d[\d,]*\/[\d,]+/);
    const ready = Number(/ready in ([\d.]+) s/.exec(server.output())?.[1]);
    expect(ready).toBeLessThanOrEqual(120);
    expect(health.tiles).toMatch(/^\/tiles\/ntm\.[0-9a-f]{12}\.pmtiles$/);
  });

  it('serves an archive whose commune features all exist in the database, in every province', async () => {
    const ndb: NtmDatabase = await openDatabase(databaseUrl);
    try {
      // health.tiles is the pre-2025 archive: its communes are the pre-2025 units.
      const units = await ndb.db.selectFrom('unit').select(['code', 'level', 'province_code', 'label_lon', 'label_lat']).where('structure', '=', 'pre2025').execute();
      const communes = new Map(units.filter((u) => u.level === 'commune').map((u) => [u.code, u.province_code]));
      const provinces = units.filter((u) => u.level === 'province');
      expect(provinces).toHaveLength(63);
      const pm = openArchive(new FetchSource(`${server.url}${health.tiles}`, (url, init) => fetch(url, init)));
      for (const p of provinces) {
        const { z, x, y } = tileOf(p.label_lon!, p.label_lat!, 9);
        const tile = await pm.getZxy(z, x, y);
        expect(tile, `tile over province ${p.code}`).toBeDefined();
        const layer = new VectorTile(new PbfReader(new Uint8Array(tile!.data))).layers.communes!;
        const codes = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
        for (const props of codes) expect(communes.get(String(props.code)), `commune ${props.code}`).toBe(props.province);
        expect(codes.some((props) => props.province === p.code), `province ${p.code} has communes in its tile`).toBe(true);
      }
    } finally {
      await ndb.close();
    }
  });

  it('draws the boundaries in Chromium on desktop and phone', async () => {
    const browser = await launchBrowser();
    try {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
        const page = await browser.newPage({ viewport });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const asked: string[] = [];
        page.on('request', (r) => asked.push(new URL(r.url()).pathname));
        // The last month of the old units (the default view is today's: below).
        await page.goto(`${server.url}/?period=2025-06`);
        await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60_000 });
        // The archive's URL came in the page: the map did not wait for /api/v1/health to start.
        expect(asked).toContain(health.tiles);
        expect(asked).not.toContain('/api/v1/health');
        expect(await page.evaluate(`performance.getEntriesByName('ntm:first-choropleth').length`)).toBe(1);
        const drawn = await page.evaluate(() => {
          const map = window.ntm!.map;
          return {
            provinces: map.queryRenderedFeatures({ layers: ['provinces-line'] }).length,
            communes: map.queryRenderedFeatures({ layers: ['communes-fill'] }).length,
          };
        });
        expect(drawn.provinces).toBeGreaterThan(0);
        expect(drawn.communes).toBeGreaterThan(1000);
        // The colours come from the API: the feature state of rendered communes equals /api/v1/status.
        const api = (await (await fetch(`${server.url}/api/v1/status?period=2025-06`)).json()) as { period: string; communes: Array<{ code: string; level: string; met: number }> };
        const byCode = new Map(api.communes.map((c) => [c.code, c]));
        const legend = await legendRows(page);
        const scored = (await renderedCommunes(page, 300)).filter((c) => c.type === 'Xã' && byCode.has(c.code));
        expect(scored.length).toBeGreaterThan(50);
        for (const c of scored) expect(c.rgb, c.code).toBe(legend.get(classOf('level', byCode.get(c.code)!))!.rgb);
        // The legend counts every commune once: scored ones by level, phường and thị trấn as not scored.
        expect([...legend.values()].reduce((n, r) => n + r.count, 0)).toBe(10047);
        expect(await page.locator('#legend').textContent()).toMatch(/minh họa/);
        expect(await page.locator('#status').textContent()).toContain(`tháng ${Number(api.period.slice(5))}/${api.period.slice(0, 4)}`);
        expect(errors).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('starts again on the same database without seeding it again, and stops on SIGTERM with code 0', async () => {
    expect(await server.stop()).toBe(0);
    server = await startServer({ DATABASE_URL: databaseUrl });
    expect(server.output()).not.toMatch(/Seeding/);
    expect(await server.stop()).toBe(0);
  });
});

describe('start-up errors', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: { ...process.env, PORT: '0', ...env }, encoding: 'utf8', timeout: 60_000 });

  it('exits non-zero with one line when DATABASE_URL is not understood', () => {
    const run = start({ DATABASE_URL: 'mysql://localhost/ntm' });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ntm: .*mysql/);
  });

  it('exits non-zero with one line when the database cannot be opened', () => {
    const notAFolder = join(work, 'plain-file');
    writeFileSync(notAFolder, 'not a folder');
    const run = start({ DATABASE_URL: `sqlite:${notAFolder}/ntm.sqlite` });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^ntm: .*plain-file\/ntm\.sqlite/);
  });

  it('exits non-zero with one line when PORT is not a port', () => {
    const run = start({ PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^ntm: environment variable PORT: /);
  });
});
