/** @module Embed benchmark in headless Chromium on this machine: the widget's own JS (without maplibre-gl and
 * pmtiles) gzipped, everything it loads before its first choropleth (as transferred, and gzipped), and the
 * time to the first choropleth inside a cross-origin iframe of a host page (127.0.0.2). Prints the figures
 * and their ratio to the targets of issue #6 (30 KB, 450 KB). */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { FIRST_CHOROPLETH } from '../client/map/ready.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { startServer } from '../test/support/server-process.ts';
import { scratchDir } from './run.ts';

const OWN_JS_TARGET = 30 * 1024;
const FIRST_LOAD_TARGET = 450 * 1024;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const line = (label: string, value: string, note = '') => console.log(`${label.padEnd(58)} ${value.padStart(10)}   ${note}`);
const ratio = (value: number, target: number) => `(${((value / target) * 100).toFixed(0)} % of the ${kb(target)} target)`;

interface Loaded { url: string; type: string; transferred: number; gzipped: number }

/** Opens the widget at top level and lists what it loaded before `data-ready` (first choropleth drawn); the
 * time is the page's own, from the navigation's start to the mark client/map/ready.ts sets (driverMs: as
 * the test driver saw it, with its round trips and poll). */
async function firstLoad(browser: Browser, url: string): Promise<{ ms: number; driverMs: number; loaded: Loaded[] }> {
  const context = await browser.newContext({ viewport: { width: 600, height: 450 } });
  const page = await context.newPage();
  const responses: Response[] = [];
  let ready = false;
  page.on('response', (r) => { if (!ready) responses.push(r); });
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60_000, polling: 20 });
  ready = true;
  const driverMs = Date.now() - started;
  const ms = Math.round((await page.evaluate(`performance.getEntriesByName(${JSON.stringify(FIRST_CHOROPLETH)})[0].startTime`)) as number);
  const loaded: Loaded[] = [];
  if (process.env.NTM_BENCH_VERBOSE) for (const r of responses) console.log(`  ${r.status()} ${r.request().resourceType()} ${r.url()}`);
  for (const r of responses) {
    // blob: and data: URLs are made in the page from what it already downloaded (MapLibre's worker is started
    // from a blob: URL of its own bundle): nothing crosses the network, so they are not counted.
    if (/^(blob|data):/.test(r.url())) continue;
    const body = await r.body().catch(() => Buffer.alloc(0));
    const sizes = await r.request().sizes().catch(() => ({ responseBodySize: body.length, responseHeadersSize: 0 }));
    // gzip: the body (decoded) gzipped at level 9, whatever this server sent (brotli, gzip or identity).
    // As sent: the body's Content-Length when given (the worker's sizes are not always reported), plus headers.
    const length = Number(r.headers()['content-length'] ?? NaN);
    loaded.push({ url: r.url(), type: r.request().resourceType(), transferred: (Number.isFinite(length) ? length : sizes.responseBodySize) + sizes.responseHeadersSize, gzipped: gzipSync(body, { level: 9 }).length });
  }
  await context.close();
  return { ms, driverMs, loaded };
}

/** From the article's navigation start to the widget's first choropleth, both on the page's clocks (the
 * frame's mark moved onto the article's time origin). */
async function iframeFirstChoropleth(browser: Browser, hostOrigin: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${hostOrigin}/article`);
  await page.frameLocator('iframe').locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  const drawnAt = (await frame.evaluate(`performance.timeOrigin + performance.getEntriesByName(${JSON.stringify(FIRST_CHOROPLETH)})[0].startTime`)) as number;
  const origin = (await page.evaluate('performance.timeOrigin')) as number;
  await context.close();
  return Math.round(drawnAt - origin);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const work = scratchDir('embed');
const server = await startServer({ DATABASE_URL: `sqlite:${join(work, 'bench.sqlite')}` });
const embedPath = '/embed?province=62';
const host = createServer((req, res) => {
  if (req.url !== '/article') return void res.writeHead(204).end();
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Article</title></head><body><p>An article.</p>
<iframe src="${server.url}${embedPath}" title="Map" width="600" height="450" style="border:0"></iframe>
<script async src="${server.url}/embed.js"></script></body></html>`);
});
await new Promise<void>((resolve) => host.listen(0, '127.0.0.2', resolve));
const hostOrigin = `http://127.0.0.2:${(host.address() as { port: number }).port}`;
const browser = await launchBrowser();
try {
  console.log(`NTM Map embed benchmark (Chromium, ${new Date().toISOString()}), widget ${embedPath}\n`);
  await firstLoad(browser, `${server.url}${embedPath}`); // warm-up: the server compresses each asset at its best level in the background
  await new Promise((resolve) => setTimeout(resolve, 4000));
  const { loaded } = await firstLoad(browser, `${server.url}${embedPath}`);
  const js = loaded.filter((l) => /\.(m?js)(\?|$)/.test(l.url));
  const isLibrary = (l: Loaded) => /\/assets\/(maplibre|pmtiles)/.test(l.url);
  const own = js.filter((l) => !isLibrary(l)).reduce((n, l) => n + l.gzipped, 0);
  line("widget's own JS (without maplibre-gl, pmtiles), gzip", kb(own), ratio(own, OWN_JS_TARGET));
  line('maplibre-gl + pmtiles JS (and worker), gzip', kb(js.filter(isLibrary).reduce((n, l) => n + l.gzipped, 0)));
  const byKind = new Map<string, { n: number; gz: number; sent: number }>();
  for (const l of loaded) {
    const kind = l.url.includes('/tiles/') ? 'tile archive (HTTP Range)' : l.url.includes('/api/') ? 'API' : l.type;
    const k = byKind.get(kind) ?? { n: 0, gz: 0, sent: 0 };
    byKind.set(kind, { n: k.n + 1, gz: k.gz + l.gzipped, sent: k.sent + l.transferred });
  }
  for (const [kind, k] of byKind) line(`  before first choropleth: ${kind} (${k.n})`, kb(k.gz), `gzip; ${kb(k.sent)} as sent`);
  const gz = loaded.reduce((n, l) => n + l.gzipped, 0);
  const sent = loaded.reduce((n, l) => n + l.transferred, 0);
  line('everything before first choropleth, gzip', kb(gz), ratio(gz, FIRST_LOAD_TARGET));
  line('everything before first choropleth, as this server sends it', kb(sent), ratio(sent, FIRST_LOAD_TARGET));
  const top: Array<{ ms: number; driverMs: number }> = [];
  for (let i = 0; i < 5; i++) top.push(await firstLoad(browser, `${server.url}${embedPath}`));
  line('first choropleth, widget at top level (median of 5, cold)', `${median(top.map((r) => r.ms))} ms`, `(from navigation start, in the page; the test driver saw ${median(top.map((r) => r.driverMs))} ms)`);
  const framed: number[] = [];
  for (let i = 0; i < 5; i++) framed.push(await iframeFirstChoropleth(browser, hostOrigin));
  line('first choropleth in a cross-origin iframe (median of 5, cold)', `${median(framed)} ms`, `(runs: ${framed.join(', ')} ms)`);
} finally {
  await browser.close();
  await server.stop();
  await new Promise<void>((resolve) => host.close(() => resolve()));
}
