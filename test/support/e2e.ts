// Browser tests of the map page: the real server (as `npm start` runs it) on the seeded test database,
// and Debian's Chromium. `const e2e = useMapPage()` in a describe block, then `await e2e.open('/?province=62')`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { ROOT } from '../../server/config/paths.ts';
import { launchBrowser } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';

export const SCREENSHOTS = join(ROOT, 'test', 'screenshots');

export interface MapPage {
  readonly url: string;
  /** Opens a page (desktop 1280×800 unless given; `touch`: a phone's touch screen) at a path and waits for the first choropleth. */
  open(path: string, viewport?: { width: number; height: number }, options?: { touch?: boolean }): Promise<Page>;
  /** Page errors and console errors seen on pages opened so far. */
  readonly errors: string[];
  screenshot(page: Page, name: string): Promise<void>;
}

/** `env`: more environment for the server, read when it starts (after the describe block's earlier beforeAll hooks). */
export function useMapPage(env: () => Record<string, string> = () => ({})): MapPage {
  let server: ServerProcess;
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: inject('seededSqliteUrl'), ...env() });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get url() {
      return server.url;
    },
    errors,
    async open(path, viewport = { width: 1280, height: 800 }, options = {}) {
      const touch = options.touch ? { hasTouch: true, isMobile: true } : {};
      const page = await (await browser.newContext({ viewport, acceptDownloads: true, ...touch })).newPage(); // a context of its own (axe-core needs one)
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/favicon/.test(`${m.text()} ${m.location().url}`)) errors.push(`console: ${m.text()} (${m.location().url}:${m.location().lineNumber}, page ${page.url()})`);
      });
      await page.goto(`${server.url}${path}`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60_000 });
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    },
  };
}

/** Waits until the map has finished rendering (after a change). */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = window.ntm!.map;
    if (map.loaded() && !map.isMoving()) map.once('idle', () => resolve());
    else map.once('idle', () => resolve());
    map.triggerRepaint();
  }));
}

export interface RenderedCommune { code: string; type: string; province: string; district: string; rgb: string; special: boolean }

/** Communes drawn on the map (first `limit`), with the fill colour MapLibre evaluated for each (`rgb(r, g, b)`). */
export async function renderedCommunes(page: Page, limit = 400): Promise<RenderedCommune[]> {
  return page.evaluate((limit) => {
    const seen = new Set<string>();
    const out: RenderedCommune[] = [];
    for (const f of window.ntm!.map.queryRenderedFeatures({ layers: ['communes-fill'] })) {
      const code = String(f.properties.code);
      if (seen.has(code)) continue;
      seen.add(code);
      const c = f.layer.paint?.['fill-color' as never] as unknown as { r: number; g: number; b: number };
      const rgb = `rgb(${[c.r, c.g, c.b].map((v) => Math.round(v * 255)).join(', ')})`;
      const state = f.state as { special?: boolean };
      out.push({ code, type: String(f.properties.type), province: String(f.properties.province), district: String(f.properties.district ?? ''), rgb, special: state.special === true });
      if (out.length >= limit) break;
    }
    return out;
  }, limit);
}

/** The legend's class rows: key → swatch colour (`rgb(r, g, b)`) and count. */
export async function legendRows(page: Page): Promise<Map<string, { rgb: string; count: number }>> {
  const rows = await page.locator('#legend ul').first().locator('li').evaluateAll((els) =>
    els.map((e) => ({ key: (e as HTMLElement).dataset.class!, rgb: getComputedStyle(e.querySelector('.swatch')!).backgroundColor, count: Number(e.querySelector('.count')!.textContent!.replace(/\D/g, '')) })));
  return new Map(rows.map((r) => [r.key, { rgb: r.rgb, count: r.count }]));
}

/** The legend class a commune of the API's status falls in, for a colour mode (as the map's legend names them). */
export function classOf(mode: 'level' | 'met' | 'criterion' | 'group', c: { met: number; level: string; value?: number }): string {
  if (mode === 'level') return c.level;
  if (mode === 'met') return c.met < 10 ? 'lt10' : c.met <= 14 ? 'b10' : c.met <= 18 ? 'b15' : 'b19';
  if (mode === 'criterion') return c.value === 1 ? 'met' : 'notMet';
  const v = c.value ?? 0;
  return v < 0.5 ? 'share0' : v < 1 ? 'share50' : 'share100';
}
