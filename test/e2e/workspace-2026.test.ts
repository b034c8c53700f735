// The officials' workspace in the current era, in a real browser against the real server on a copy of the
// database of both eras: a commune officer of today's units (Xã Đăk Pék, 23341, since 1/7/2025) enters the
// March 2026 review on the 10 criteria of 51/2025/QĐ-TTg, and the public map colours the commune from it.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { cliActor } from '../../server/audit/audit.ts';
import { createUser } from '../../server/auth/users.ts';
import { openDatabase } from '../../server/db/database.ts';
import { launchBrowser } from '../support/browser.ts';
import { SCREENSHOTS } from '../support/e2e.ts';

const PASSWORD = 'a long enough password';
const EMAIL = 'xa-dak-pek@example.org';
const COMMUNE = '23341';
const PROVINCE = '51';
const PERIOD = '2026-03';

interface StatusBody { criteria_count: number; communes: Array<{ code: string; met: number; provenance: string }> }

describe('officials\' workspace in the browser, current era', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ntm-e2e-workspace-2026-'));
    const file = join(dir, 'db.sqlite');
    copyFileSync(inject('todaySqliteUrl').replace(/^sqlite:/, ''), file);
    const ndb = await openDatabase(`sqlite:${file}`);
    try {
      await createUser(ndb.db, { email: EMAIL, role: 'commune', unit: COMMUNE, structure: '2025-07', password: PASSWORD, name: 'Cán bộ xã' }, cliActor('test'));
    } finally {
      await ndb.close();
    }
    server = await startServer({ DATABASE_URL: `sqlite:${file}` });
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(path: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/favicon|401/.test(m.text())) errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}${path}`);
    return page;
  }

  async function communeState(): Promise<unknown> {
    const page = await open(`/?province=${PROVINCE}&period=${PERIOD}&mode=met`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 90_000 });
    const state = await page.evaluate((id) => window.ntm!.map.getFeatureState({ source: 'boundaries', sourceLayer: 'communes', id }), COMMUNE);
    await page.context().close();
    return state;
  }

  it('a commune officer of today\'s units enters a March 2026 review of 10 criteria and the public map colours the commune from it', async () => {
    const before = (await (await fetch(`${server.url}/api/v1/status?province=${PROVINCE}&period=${PERIOD}`)).json()) as StatusBody;
    expect(before.criteria_count).toBe(10);
    expect(before.communes.find((c) => c.code === COMMUNE)?.met).toBeLessThan(10);
    const stateBefore = await communeState();

    const page = await open(`/workspace/#review/${COMMUNE}/${PERIOD}`);
    await page.getByLabel('Thư điện tử').waitFor();
    await page.getByLabel('Thư điện tử').fill(EMAIL);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Rà soát Xã Đăk Pék/ }).waitFor({ timeout: 30_000 });
    if (!page.url().includes(PERIOD)) await page.goto(`${server.url}/workspace/#review/${COMMUNE}/${PERIOD}`);
    await expect.poll(() => page.locator('.criterion').count(), { timeout: 15_000 }).toBe(10);
    for (const radio of await page.getByRole('radio', { name: 'Đạt', exact: true }).all()) await radio.check();
    await expect.poll(() => page.locator('.count').textContent()).toMatch(/10\/10/);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-review-2026.png') });
    await page.getByRole('button', { name: 'Lưu kết quả rà soát' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent(), { timeout: 15_000 }).toMatch(/Đã lưu/);
    await page.context().close();

    const after = (await (await fetch(`${server.url}/api/v1/status?province=${PROVINCE}&period=${PERIOD}`)).json()) as StatusBody;
    expect(after.communes.find((c) => c.code === COMMUNE)).toMatchObject({ met: 10, provenance: 'official' });
    expect(await communeState()).not.toEqual(stateBefore);
    expect(errors.join('\n')).toBe('');
  }, 240_000);
});
