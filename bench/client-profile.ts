/** @module Where the map page's time goes before its first choropleth, beside the bare MapLibre page (issue #17):
 * one cold load of each with Chromium's CPU profiler on the main thread, printing the requests in time order
 * (start → end), the page's long tasks and layout shifts (with the elements that moved), and the functions
 * with the most self time. `npm run bench:profile [-- '/?province=62&view=107.9,14.6,8&period=2025-06']`
 * on a database of both eras (seeded here). A tool for finding cuts; bench/map.ts gives the figures. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../server/config/paths.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { startServer } from '../test/support/server-process.ts';
import { bareServer } from './client-bare/server.ts';
import { scratchDir } from './run.ts';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Observers of long tasks and layout shifts, installed before the page's own scripts run. */
const OBSERVERS = `
  window.__profile = { longTasks: [], shifts: [] };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__profile.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__profile.shifts.push({ at: Math.round(e.startTime), value: e.value, recent: e.hadRecentInput, sources: (e.sources || []).map((s) => { const n = s.node; return n ? (n.id ? '#' + n.id : n.nodeName + (n.className && typeof n.className === 'string' ? '.' + n.className.split(' ')[0] : '')) : '?'; }) }); }).observe({ type: 'layout-shift', buffered: true });
`;

async function profile(browser: Browser, label: string, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVERS);
  const session = await context.newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 120_000, polling: 20 });
  const { profile: p } = (await session.send('Profiler.stop')) as { profile: Profile };
  // A moment more for shifts that come right after the first choropleth (names, panel).
  await page.waitForTimeout(2000);
  const facts = (await page.evaluate(() => ({
    ready: performance.getEntriesByName('ntm:first-choropleth')[0]?.startTime ?? 0,
    resources: performance.getEntriesByType('resource').map((r) => [r.name.replace(location.origin, ''), Math.round(r.startTime), Math.round((r as PerformanceResourceTiming).responseEnd), (r as PerformanceResourceTiming).transferSize] as const),
    dcl: performance.getEntriesByType('navigation')[0] ? Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd) : 0,
    ...(window as unknown as { __profile: { longTasks: number[][]; shifts: Array<{ at: number; value: number; recent: boolean; sources: string[] }> } }).__profile,
  })));
  console.log(`\n== ${label}: first choropleth at ${Math.round(facts.ready)} ms (DOMContentLoaded ${facts.dcl} ms)`);
  for (const [name, start, end, size] of facts.resources) console.log(`  ${String(start).padStart(6)} → ${String(end).padStart(6)} ms  ${String(Math.round(size / 1024)).padStart(5)} KB  ${name.slice(0, 110)}`);
  const tasks = facts.longTasks;
  console.log(`  long tasks (≥ 50 ms): ${tasks.length}, ${tasks.reduce((n, t) => n + t[1]!, 0)} ms in all; before the first choropleth: ${tasks.filter((t) => t[0]! < facts.ready).map((t) => `${t[0]}+${t[1]}`).join(' ')}`);
  const cls = facts.shifts.filter((s) => !s.recent).reduce((n, s) => n + s.value, 0);
  console.log(`  layout shifts: ${cls.toFixed(3)} in all${facts.shifts.map((s) => `\n    at ${s.at} ms: ${s.value.toFixed(4)} (${s.sources.join(', ')})`).join('')}`);
  // Self time per function (name, script, line), from the CPU profile's samples.
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const perScript = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i]!)!;
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const script = node.callFrame.url.replace(/^.*\//, '') || `(${node.callFrame.functionName || 'program'})`;
    const key = `${node.callFrame.functionName || '(anonymous)'}  ${script}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    perScript.set(script, (perScript.get(script) ?? 0) + dt);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `    ${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n');
  console.log(`  main-thread self time by script:\n${top(perScript, 8)}`);
  console.log(`  by function:\n${top(self, 25)}`);
  await context.close();
}

const path = process.argv[2] ?? '/?period=2025-06';
const work = scratchDir('profile');
const databaseUrl = `sqlite:${join(work, 'both-eras.sqlite')}`;
const seed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-seed.ts', '--today'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
if (seed.status !== 0) throw new Error(`seeding failed:\n${seed.stdout}\n${seed.stderr}`);
const server = await startServer({ DATABASE_URL: databaseUrl });
const bare = await bareServer(server.url);
const browser = await launchBrowser();
try {
  // A first load warms the server (its status cache) and gives the camera for the bare page.
  const warm = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await warm.goto(`${server.url}${path}`);
  await warm.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 120_000 });
  const { camera, archive } = await warm.evaluate(() => {
    const m = window.ntm!.map;
    return { camera: { lon: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom() }, archive: (m.getSource('boundaries') as unknown as { url: string }).url.replace(/^pmtiles:\/\/[^/]+/, '') };
  });
  await warm.context().close();
  await profile(browser, `map page ${path}`, `${server.url}${path}`);
  await profile(browser, 'bare MapLibre page', `${bare.url}/__bare/?archive=${encodeURIComponent(archive)}&center=${camera.lon},${camera.lat}&zoom=${camera.zoom}`);
} finally {
  await browser.close();
  await server.stop();
  bare.server.close();
}
