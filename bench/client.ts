/** @module Client benchmark in headless Chromium on this machine: time from navigation to the first choropleth
 * (a province view, the whole country), time from a mode or period change to map idle (also across the
 * July-2025 reform, where the archive and the units swap), bytes transferred before the first choropleth, and
 * the size of the client's JS (gzipped). Prints figures. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { FIRST_CHOROPLETH } from '../client/map/ready.ts';
import { ROOT } from '../server/config/paths.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { startServer } from '../test/support/server-process.ts';
import { scratchDir } from './run.ts';

const line = (label: string, value: string, target = '') => console.log(`${label.padEnd(52)} ${value.padStart(10)}   ${target}`);

/** Time from the navigation's start to the first choropleth drawn, as the page's own clock has it (the
 * User Timing mark client/map/ready.ts sets, against Navigation Timing's origin); and as the test driver saw
 * it (from its call to navigate to its poll finding `data-ready`), which adds the driver's round trips and
 * poll, and the work the page does right after the first choropleth (the names, the side panel) before the
 * poll gets its turn. */
async function firstChoropleth(page: Page, url: string): Promise<{ ms: number; driverMs: number; bytes: number }> {
  let bytes = 0;
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  session.on('Network.loadingFinished', (e: { encodedDataLength: number }) => { bytes += e.encodedDataLength; });
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60_000, polling: 20 });
  const driverMs = Date.now() - started;
  const ms = (await page.evaluate(`performance.getEntriesByName(${JSON.stringify(FIRST_CHOROPLETH)})[0].startTime`)) as number;
  await session.detach();
  return { ms: Math.round(ms), driverMs, bytes };
}

/** Time from a change to the map idle with the new status drawn, measured in the page (from just before the
 * change's event to the map's next `idle` after the choropleth redraw: main.ts calls `onStatus` once the
 * feature state is written), so that the figure is what a reader waits, not the test driver's round trips.
 * `change` runs in the page: a mode is chosen in the select (its change event), a period set as the slider does. */
async function changeToIdle(page: Page, change: { mode: string } | { period: string }): Promise<{ drawn: number; idle: number }> {
  const times = (await page.evaluate(`new Promise((resolve) => {
    const change = ${JSON.stringify(change)};
    const started = performance.now();
    // A change that never draws fails the benchmark with its name instead of waiting for ever.
    setTimeout(() => resolve({ error: 'no new status drawn within 30 s after ' + JSON.stringify(change) + ' (url ' + location.search + ')' }), 30000);
    const off = window.ntm.app.onStatus(() => {
      off();
      const drawn = performance.now() - started;
      window.ntm.map.once('idle', () => resolve({ drawn: Math.round(drawn), idle: Math.round(performance.now() - started) }));
      window.ntm.map.triggerRepaint();
    });
    if (change.mode) {
      const select = document.querySelector('#mode');
      select.value = change.mode;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    } else window.ntm.app.store.set({ period: change.period });
  })`)) as { drawn: number; idle: number } | { error: string };
  if ('error' in times) throw new Error(times.error);
  // Let the side panel's own update for the change (it follows the map) finish before the next change.
  await page.waitForTimeout(1500);
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Opens `url` and waits until the page has settled: first choropleth, the names (added after it) drawn, the map idle. */
async function settled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.waitForFunction(() => !!window.ntm!.map.getLayer('province-labels'));
  await page.evaluate(() => new Promise<void>((resolve) => { window.ntm!.map.once('idle', () => resolve()); window.ntm!.map.triggerRepaint(); }));
  await page.waitForTimeout(300);
}

const work = scratchDir('client');
const server = await startServer({ DATABASE_URL: `sqlite:${join(work, 'bench.sqlite')}` });
const browser = await launchBrowser();
try {
  console.log(`NTM Map client benchmark (Chromium, ${new Date().toISOString()})\n`);
  const assets = join(ROOT, 'dist', 'assets');
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f))).length;
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const library = (f: string) => /^(assets\/)?(maplibre|pmtiles)/.test(f);
  // The map page's own JS: every chunk its entry imports, at once or later (dynamic imports), from Vite's manifest.
  const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; imports?: string[]; dynamicImports?: string[] }>;
  const chunksOf = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const next of [...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? [])]) chunksOf(next, seen);
    return seen;
  };
  const pageJs = (entry: string) => [...chunksOf(entry)].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js') && !library(f.replace(/^assets\//, '')));
  const own = pageJs('index.html').reduce((n, f) => n + gz(f.replace(/^assets\//, '')), 0);
  line("map page's own JS (without maplibre-gl, pmtiles), gzip", `${(own / 1024).toFixed(1)} KB`, '(target ≤ 60 KB)');
  const all = js.filter((f) => !library(f)).reduce((n, f) => n + gz(f), 0);
  line('all pages\' own JS (map, embed, workspace), gzip', `${(all / 1024).toFixed(1)} KB`);
  line('maplibre-gl + pmtiles JS, gzip', `${(js.filter((f) => library(f)).reduce((n, f) => n + gz(f), 0) / 1024).toFixed(0)} KB`);
  const workers = readdirSync(assets).filter((f) => f.endsWith('.mjs'));
  line('maplibre worker, separate file (raw)', workers.length ? `${(workers.reduce((n, f) => n + statSync(join(assets, f)).size, 0) / 1024).toFixed(0)} KB` : 'none', workers.length ? '' : '(MapLibre 5: the worker is in its bundle)');

  for (const [name, path, target] of [['province (Kon Tum, 2025-06)', '/?province=62&period=2025-06&view=107.9,14.6,8', 2000], ['whole country', '/', 3000]] as const) {
    const runs: number[] = [];
    const driver: number[] = [];
    let bytes = 0;
    // Each load in a new browser context (cold cache); the server warm after the first, as for a reader.
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const r = await firstChoropleth(page, `${server.url}${path}`);
      runs.push(r.ms);
      driver.push(r.driverMs);
      bytes = r.bytes;
      await context.close();
    }
    line(`first choropleth, ${name} (median of 5, cold cache)`, `${median(runs)} ms`, `(target ≤ ${target} ms; from navigation start, in the page; runs ${runs.join(', ')})`);
    line(`  the same as the test driver saw it`, `${median(driver)} ms`, `(runs ${driver.join(', ')})`);
    line(`bytes before first choropleth, ${name}`, `${(bytes / 1024).toFixed(0)} KB`);
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('crash', () => console.error('the page crashed'));
  const gone = () => console.error('the browser went away');
  browser.on('disconnected', gone);
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  // A province chosen (the map shows it, the rest greyed out); the same zoom with no province chosen (the
  // whole country's status, drawn where the camera is); the whole country.
  const months = (m: number) => ['2023-06', '2022-09', '2024-03', '2021-10', '2025-02'].map((p) => `${p.slice(0, 5)}${String(Number(p.slice(5)) + m).padStart(2, '0')}`); // m ≤ 2: valid months
  for (const [name, path, target, periodsAsked] of [['province (Kon Tum chosen, pre-2025)', '/?province=62&period=2025-06&view=107.9,14.6,8', 100, months(0)], ['province zoom, no scope, pre-2025', '/?period=2025-06&view=107.9,14.6,8', 300, months(1)], ['whole country, pre-2025', '/?period=2025-06', 300, months(2)], ['whole country, today\'s units', '/', 300, ['2026-03', '2025-11', '2026-06', '2025-09', '2026-01']]] as const) {
    await settled(page, `${server.url}${path}`);
    // The first change after the page settled, then the median of further ones (modes in turn; months not
    // asked for before, so each is fetched from the server and, the first time, computed there).
    const firstMode = await changeToIdle(page, { mode: 'met' });
    const modes: Array<{ drawn: number; idle: number }> = [];
    // The modes the period's era offers (no criteria groups in the 2026-2030 set), five changes in turn.
    const offered = await page.$$eval('#mode option', (options) => options.map((o) => (o as HTMLOptionElement).value));
    const cycle = ['level', 'criterion', 'group', 'met'].filter((m) => offered.includes(m));
    for (let i = 0; i < 5; i++) modes.push(await changeToIdle(page, { mode: cycle[i % cycle.length]! }));
    const periods: Array<{ drawn: number; idle: number }> = [];
    for (const period of periodsAsked) periods.push(await changeToIdle(page, { period }));
    const idle = (xs: Array<{ idle: number }>) => median(xs.map((x) => x.idle));
    const drawn = (xs: Array<{ drawn: number }>) => median(xs.map((x) => x.drawn));
    line(`mode change to idle, ${name} (first; median of 5)`, `${firstMode.idle}; ${idle(modes)} ms`, `(target ≤ ${target} ms; state written after ${drawn(modes)} ms)`);
    line(`period change to idle, ${name} (median of 5 new months)`, `${idle(periods)} ms`, `(target ≤ ${target} ms; state written after ${drawn(periods)} ms; max ${Math.max(...periods.map((p) => p.idle))} ms)`);
  }
  // Across the reform (target ≤ 1 s): from the whole country settled on 2025-06 (pre-2025 units), months on
  // today's units and before in turn, each new (fetched and, the first time, computed on the server), so that
  // every change swaps the archive and the unit structure; the first crossing also opens the other archive.
  await settled(page, `${server.url}/?period=2025-06`);
  const crossings: Array<{ drawn: number; idle: number }> = [];
  for (const period of ['2025-08', '2025-05', '2025-10', '2025-04', '2025-12', '2025-03']) crossings.push(await changeToIdle(page, { period }));
  const later = crossings.slice(1);
  line('period change across the reform to idle (first; median of 5)', `${crossings[0]!.idle}; ${median(later.map((c) => c.idle))} ms`, `(target ≤ 1000 ms; state written after ${median(later.map((c) => c.drawn))} ms; max ${Math.max(...later.map((c) => c.idle))} ms)`);
  await context.close();
  browser.off('disconnected', gone);
} finally {
  await browser.close();
  await server.stop();
}
