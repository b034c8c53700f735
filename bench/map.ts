/** @module The map page beside a bare MapLibre page, in one run (issue #17). The bare page (bench/client-bare/: the
 * same maplibre-gl and pmtiles builds, the same archive, viewport and camera, one plain fill layer, no feature
 * state) is timed to its first `idle`; the map page to its first choropleth (client/map/ready.ts). Both are
 * loaded cold (a new browser context each time), in turn, 5 times each, for a pre-2025 province (Kon Tum in
 * 2025-06), a province of today's units (Quảng Ngãi) and the whole country, on a server whose database has
 * both eras. Then Lighthouse (desktop preset, Debian's Chromium) on /, /embed, /workspace/ and the bare page.
 * Prints medians, ratios to the bare page and the targets; the machine's load beside them (timings are noisy:
 * rely on the ratios). */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { FIRST_CHOROPLETH } from '../client/map/ready.ts';
import { ROOT } from '../server/config/paths.ts';
import { CHROMIUM, launchBrowser } from '../test/support/browser.ts';
import { provideDebianPrograms } from '../scripts/system/debian-program.ts';
import { startServer } from '../test/support/server-process.ts';
import { bareServer } from './client-bare/server.ts';
import { scratchDir } from './run.ts';

const RUNS = Number(process.env.NTM_BENCH_RUNS ?? 5);
const line = (label: string, value: string, note = '') => console.log(`${label.padEnd(60)} ${value.padStart(12)}   ${note}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => `load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;

interface Load { ms: number; scriptMs: number; taskMs: number; bytes: number; cls: number; shifts: string[] }

/** Collects the page's layout shifts with the elements that moved (installed before its own scripts). */
const SHIFTS = `window.__shifts = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shifts.push([e.value, (e.sources || []).map((s) => { const n = s.node; return !n ? '?' : n.id ? '#' + n.id : n.nodeName.toLowerCase() + (typeof n.className === 'string' && n.className ? '.' + n.className.split(' ')[0] : ''); })]); }).observe({ type: 'layout-shift', buffered: true });`;

/** One cold load: the time from navigation start to the page's first-choropleth mark, the main thread's
 * scripting and task time until then (CDP Performance metrics) and the bytes received. */
async function coldLoad(browser: Browser, url: string): Promise<Load & { camera: { lon: number; lat: number; zoom: number } }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page: Page = await context.newPage();
    await page.addInitScript(SHIFTS);
    const session: CDPSession = await context.newCDPSession(page);
    let bytes = 0;
    await session.send('Network.enable');
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    session.on('Network.loadingFinished', (e: { encodedDataLength: number }) => { bytes += e.encodedDataLength; });
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 90_000, polling: 20 });
    const metrics = (await session.send('Performance.getMetrics')).metrics as Array<{ name: string; value: number }>;
    const metric = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? 0) * 1000);
    const ms = Math.round((await page.evaluate(`performance.getEntriesByName(${JSON.stringify(FIRST_CHOROPLETH)})[0].startTime`)) as number);
    const camera = await page.evaluate(() => {
      const m = (window as unknown as { ntm: { map: { getCenter(): { lng: number; lat: number }; getZoom(): number } } }).ntm.map;
      return { lon: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom() };
    });
    // Shifts that come with the first choropleth's own task (the legend, the names) are counted too.
    await page.waitForTimeout(300);
    const shifts = (await page.evaluate('window.__shifts')) as Array<[number, string[]]>;
    return { ms, scriptMs: metric('ScriptDuration'), taskMs: metric('TaskDuration'), bytes, camera, cls: shifts.reduce((n, [v]) => n + v, 0), shifts: shifts.flatMap(([, sources]) => sources) };
  } finally {
    await context.close();
  }
}

const work = scratchDir('map');
const databaseUrl = `sqlite:${join(work, 'both-eras.sqlite')}`;
let seeded = performance.now();
const seed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-seed.ts', '--today'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
if (seed.status !== 0) throw new Error(`seeding the both-eras database failed:\n${seed.stdout}\n${seed.stderr}`);
seeded = performance.now() - seeded;
const server = await startServer({ DATABASE_URL: databaseUrl });
const bare = await bareServer(server.url);
const browser = await launchBrowser();
try {
  console.log(`NTM Map beside a bare MapLibre page (Chromium, ${new Date().toISOString()}; database of both eras seeded in ${(seeded / 1000).toFixed(0)} s)\n`);
  const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { archives: { pre2025: string; '2025-07': string }; periods?: string[] };
  const cases = [
    { name: 'province, pre-2025 (Kon Tum, 2025-06)', path: '/?province=62&view=107.9,14.6,8&period=2025-06', archive: health.archives.pre2025 },
    { name: "province, today's units (Quảng Ngãi)", path: '/?province=51&view=107.9,14.6,8', archive: health.archives['2025-07'] },
    { name: 'whole country, pre-2025 (2025-06)', path: '/?period=2025-06', archive: health.archives.pre2025 },
    { name: "whole country, today's units", path: '/', archive: health.archives['2025-07'] },
  ];
  const ratios: Array<{ name: string; time: number; script: number }> = [];
  let countryCamera = { lon: 109.05, lat: 15.65, zoom: 4.95 }; // replaced by the map page's own below
  for (const c of cases) {
    // A first load (not counted) warms the server's caches and gives the camera the map page chose (the
    // country's bounds fitted to the viewport), which the bare page is then given.
    const { camera } = await coldLoad(browser, `${server.url}${c.path}`);
    if (c.path === '/') countryCamera = camera;
    const bareUrl = `${bare.url}/__bare/?archive=${encodeURIComponent(c.archive)}&center=${camera.lon},${camera.lat}&zoom=${camera.zoom}`;
    await coldLoad(browser, bareUrl);
    const product: Load[] = [];
    const yardstick: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      product.push(await coldLoad(browser, `${server.url}${c.path}`));
      yardstick.push(await coldLoad(browser, bareUrl));
    }
    const m = (xs: Load[], k: 'ms' | 'scriptMs' | 'taskMs' | 'bytes' | 'cls') => median(xs.map((x) => x[k]));
    const time = m(product, 'ms') / m(yardstick, 'ms');
    const script = m(product, 'scriptMs') / m(yardstick, 'scriptMs');
    ratios.push({ name: c.name, time, script });
    console.log(`${c.name} (camera ${camera.lon.toFixed(2)},${camera.lat.toFixed(2)} z${camera.zoom.toFixed(2)}; ${load()})`);
    line('  map page: first choropleth (median, cold)', `${m(product, 'ms')} ms`, `runs ${product.map((x) => x.ms).join(', ')}`);
    line('  bare MapLibre page: first idle (median, cold)', `${m(yardstick, 'ms')} ms`, `runs ${yardstick.map((x) => x.ms).join(', ')}`);
    line('  ratio map / bare', time.toFixed(2), '(target ≤ 1.15)');
    line('  main-thread scripting until then, map / bare', `${m(product, 'scriptMs')} / ${m(yardstick, 'scriptMs')} ms`, `ratio ${script.toFixed(2)} (target ≤ 1.5); tasks ${m(product, 'taskMs')} / ${m(yardstick, 'taskMs')} ms`);
    line('  bytes until then, map / bare', `${(m(product, 'bytes') / 1024).toFixed(0)} / ${(m(yardstick, 'bytes') / 1024).toFixed(0)} KB`);
    const moved = [...new Set(product.flatMap((x) => x.shifts))];
    line('  layout shift until then, map page (1280×800)', m(product, 'cls').toFixed(3), `(target ≤ 0.05)${moved.length ? `; moved: ${moved.join(', ')}` : ''}`);
  }
  console.log('');
  for (const r of ratios) line(`ratio ${r.name}`, `${r.time.toFixed(2)} ×`, `scripting ${r.script.toFixed(2)} ×`);

  // Lighthouse: its own Chromium (Debian's, as the tests use), one run per page, desktop preset.
  console.log('');
  await lighthouseRuns([
    ['map page /', `${server.url}/`],
    ['widget /embed', `${server.url}/embed`],
    ['workspace /workspace/', `${server.url}/workspace/`],
    ['bare MapLibre page', `${bare.url}/__bare/?archive=${encodeURIComponent(health.archives['2025-07'])}&center=${countryCamera.lon},${countryCamera.lat}&zoom=${countryCamera.zoom}`],
  ]);
} finally {
  await browser.close();
  await server.stop();
  bare.server.close();
}

interface LighthouseResult {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string; title: string; details?: { items?: Array<Record<string, unknown>> } }>;
}

async function lighthouseRuns(pages: Array<[string, string]>): Promise<void> {
  let lighthouse: (url: string, flags: object, config: object) => Promise<{ lhr: LighthouseResult } | undefined>;
  let launch: (o: object) => Promise<{ port: number; kill: () => Promise<void> | void }>;
  let desktop: object;
  try {
    lighthouse = (await import('lighthouse')).default as unknown as typeof lighthouse;
    desktop = (await import('lighthouse/core/config/desktop-config.js')).default as object;
    launch = (await import('chrome-launcher')).launch as unknown as typeof launch;
  } catch (error) {
    console.log(`Lighthouse: not run (${error instanceof Error ? error.message : String(error)}; it is a devDependency: npm install)`);
    return;
  }
  const [chromePath] = provideDebianPrograms([CHROMIUM]);
  const pct = (s: number | null | undefined) => (s === null || s === undefined ? '–' : String(Math.round(s * 100)));
  console.log(`Lighthouse (desktop preset, simulated throttling; ${load()})`);
  console.log(`${'page'.padEnd(26)} ${'perf'.padStart(5)} ${'a11y'.padStart(5)} ${'b.p.'.padStart(5)} ${'SEO'.padStart(5)} ${'TBT'.padStart(8)} ${'CLS'.padStart(6)} ${'scripting'.padStart(10)}`);
  const notes: string[] = [];
  for (const [name, url] of pages) {
    const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] }, desktop);
      if (!result) throw new Error('no result');
      const { categories: c, audits: a } = result.lhr;
      const scripting = (a['bootup-time']?.details?.items ?? []).reduce((n, i) => n + Number(i.scripting ?? 0), 0);
      console.log(`${name.padEnd(26)} ${pct(c.performance?.score).padStart(5)} ${pct(c.accessibility?.score).padStart(5)} ${pct(c['best-practices']?.score).padStart(5)} ${pct(c.seo?.score).padStart(5)} ${`${Math.round(a['total-blocking-time']?.numericValue ?? 0)} ms`.padStart(8)} ${(a['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3).padStart(6)} ${`${Math.round(scripting)} ms`.padStart(10)}`);
      // What keeps accessibility, best practices and SEO from 100: named, so that they can be fixed.
      for (const category of ['accessibility', 'best-practices', 'seo']) {
        for (const ref of c[category]?.auditRefs ?? []) {
          const audit = a[ref.id];
          if (audit && ref.weight > 0 && audit.score !== null && audit.score < 1) notes.push(`  ${name}: ${category} – ${ref.id} (${audit.title})`);
        }
      }
    } catch (error) {
      console.log(`${name.padEnd(26)} Lighthouse failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await chrome.kill();
    }
  }
  console.log('targets: CLS ≤ 0.05 and accessibility 100 on the three pages; scripting (bootup-time) ≤ 1.5 × the bare page');
  if (notes.length) console.log(`audits below 100:\n${notes.join('\n')}`);
}
