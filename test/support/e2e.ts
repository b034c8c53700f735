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
  /** Opens a page (desktop 1280×800 unless given) at a path and waits for the first choropleth. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Page errors and console errors seen on pages opened so far. */
  readonly errors: string[];
  screenshot(page: Page, name: string): Promise<void>;
}

export function useMapPage(): MapPage {
  let server: ServerProcess;
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: inject('seededSqliteUrl') });
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
    async open(path, viewport = { width: 1280, height: 800 }) {
      const page = await (await browser.newContext({ viewport, acceptDownloads: true })).newPage(); // a context of its own (axe-core needs one)
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/favicon/.test(m.text())) errors.push(`console: ${m.text()}`);
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
