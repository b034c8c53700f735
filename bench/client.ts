// Client benchmark in headless Chromium on this machine: time from navigation to the first choropleth
// (a province view, the whole country), time from a mode or period change to map idle, bytes
// transferred before the first choropleth, and the size of the client's JS (gzipped). Prints figures.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { ROOT } from '../server/config/paths.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { startServer } from '../test/support/server-process.ts';

const line = (label: string, value: string, target = '') => console.log(`${label.padEnd(52)} ${value.padStart(10)}   ${target}`);

async function firstChoropleth(page: Page, url: string): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  session.on('Network.loadingFinished', (e: { encodedDataLength: number }) => { bytes += e.encodedDataLength; });
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60_000 });
  const ms = Date.now() - started;
  await session.detach();
  return { ms, bytes };
}

/** Time from a change to the map idle with the new status drawn: the next choropleth redraw (main.ts calls
 * `onStatus` once the feature state is written), then the map's next `idle` (its frame is rendered). */
async function changeToIdle(page: Page, change: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __idle: Promise<void> };
    w.__idle = new Promise<void>((resolve) => {
      const off = window.ntm!.app.onStatus(() => {
        off();
        window.ntm!.map.once('idle', () => resolve());
        window.ntm!.map.triggerRepaint();
      });
    });
  });
  const started = Date.now();
  await change();
  await page.evaluate(() => (window as unknown as { __idle: Promise<void> }).__idle);
  return Date.now() - started;
}

const work = mkdtempSync(join(tmpdir(), 'ntm-bench-client-'));
const server = await startServer({ DATABASE_URL: `sqlite:${join(work, 'bench.sqlite')}` });
const browser = await launchBrowser();
try {
  console.log(`NTM Map client benchmark (Chromium, ${new Date().toISOString()})\n`);
  const assets = join(ROOT, 'dist', 'assets');
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f))).length;
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const own = js.filter((f) => !/^(maplibre|pmtiles)/.test(f)).reduce((n, f) => n + gz(f), 0);
  line("app's own JS (without maplibre-gl, pmtiles), gzip", `${(own / 1024).toFixed(1)} KB`, '(target ≤ 60 KB)');
  line('maplibre-gl + pmtiles JS, gzip', `${(js.filter((f) => /^(maplibre|pmtiles)/.test(f)).reduce((n, f) => n + gz(f), 0) / 1024).toFixed(0)} KB`);
  line('maplibre worker (raw)', `${(readdirSync(assets).filter((f) => f.endsWith('.mjs')).reduce((n, f) => n + statSync(join(assets, f)).size, 0) / 1024).toFixed(0)} KB`);

  for (const [name, path, target] of [['province (Kon Tum)', '/?province=62&view=107.9,14.6,8', 2000], ['whole country', '/', 3000]] as const) {
    const runs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const r = await firstChoropleth(page, `${server.url}${path}`);
      runs.push(r.ms);
      bytes = r.bytes;
      await context.close();
    }
    runs.sort((a, b) => a - b);
    line(`first choropleth, ${name} (median of 3, cold cache)`, `${runs[1]} ms`, `(target ≤ ${target} ms)`);
    line(`bytes before first choropleth, ${name}`, `${(bytes / 1024).toFixed(0)} KB`);
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // A province chosen (the map shows it, the rest greyed out); the same zoom with no province chosen (the
  // whole country's status, drawn where the camera is); the whole country.
  for (const [name, path, target] of [['province (Kon Tum chosen)', '/?province=62&view=107.9,14.6,8', 100], ['province zoom, no scope', '/?view=107.9,14.6,8', 300], ['whole country', '/', 300]] as const) {
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    // From a settled page: the names (added after the first choropleth) drawn and the map idle.
    await page.waitForFunction(() => !!window.ntm!.map.getLayer('province-labels'));
    await page.evaluate(() => new Promise<void>((resolve) => { window.ntm!.map.once('idle', () => resolve()); window.ntm!.map.triggerRepaint(); }));
    await page.waitForTimeout(300);
    const mode = await changeToIdle(page, async () => { await page.selectOption('#mode', 'met'); });
    const period = await changeToIdle(page, () => page.evaluate(() => window.ntm!.app.store.set({ period: '2023-06' })));
    line(`mode change to idle, ${name}`, `${mode} ms`, `(target ≤ ${target} ms)`);
    line(`period change to idle, ${name}`, `${period} ms`, `(target ≤ ${target} ms)`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
