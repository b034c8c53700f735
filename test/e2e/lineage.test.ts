// What each commune was and became, in the browser, on the database of both eras: a new commune's card lists
// the pre-2025 units it was formed from (links into 2025-06, their last status and recognitions) and the map
// draws their outlines from the old archive while the card is open; an old commune's card says what it is part
// of since 1/7/2025, with a link back; search leads an old commune's name to its successor with the notice.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { mapIdle, useMapPage } from '../support/e2e.ts';

interface Health { archives: { pre2025: string; '2025-07': string } }
interface Card {
  name: string;
  predecessors: Array<{ code: string; name: string; type: string; province: { code: string } | null; last_period: string; last_status: { met: number; total: number } | null; recognitions: Array<{ status: string }> }>;
  successors: Array<{ code: string; name: string }>;
}

/** Codes of the predecessor outlines the map draws (the layer's source features), or null without the layer. */
const outlined = (page: Page) => page.evaluate(() => {
  const map = window.ntm!.map;
  if (!map.getLayer('predecessor-outlines')) return null;
  return [...new Set(map.queryRenderedFeatures({ layers: ['predecessor-outlines'] }).map((f) => String(f.properties.code)))].sort();
});
const outlineSource = (page: Page) => page.evaluate(() => (window.ntm!.map.getSource('predecessor-boundaries') as unknown as { url: string } | undefined)?.url ?? null);
const axeViolations = async (page: Page) => (await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze()).violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);

describe('what each commune was and became', () => {
  const e2e = useMapPage(() => ({ DATABASE_URL: inject('todaySqliteUrl') }));
  const card = async (code: string, period?: string) => (await (await fetch(`${e2e.url}/api/v1/communes/${code}${period ? `?period=${period}` : ''}`)).json()) as Card;

  it('a new commune lists its predecessors with their last status, draws their outlines, and each opens in 2025-06', { timeout: 300_000 }, async () => {
    const health = (await (await fetch(`${e2e.url}/api/v1/health`)).json()) as Health;
    const today = await card('23500'); // Xã Đăk Hà: thị trấn Đắk Hà, xã Hà Mòn and xã Đắk La (NQ 1677/NQ-UBTVQH15)
    expect(today.predecessors.map((p) => p.name)).toEqual(expect.arrayContaining(['Thị trấn Đắk Hà', 'Xã Hà Mòn']));
    const page = await e2e.open('/?province=51&commune=23500');
    const section = page.locator('[data-section="predecessors"]');
    await section.waitFor();
    expect(await section.locator('h3').textContent()).toBe(`Trước 1/7/2025: hình thành từ ${today.predecessors.length} đơn vị cũ`);
    expect(await section.locator('li[data-predecessor] a').allTextContents()).toEqual(today.predecessors.map((p) => p.name));
    for (const p of today.predecessors) {
      const item = section.locator(`li[data-predecessor="${p.code}"]`);
      const status = await item.locator('[data-last-status]').textContent();
      if (p.last_status) expect(status).toContain(`${p.last_status.met}/${p.last_status.total} tiêu chí đạt`);
      else expect(status).toContain('không xét tiêu chí');
      if (p.type === 'Xã') expect(await item.textContent()).toContain(p.recognitions.some((r) => r.status === 'recognised') ? 'Công nhận:' : 'chưa được công nhận');
    }
    // The outlines: the old archive in a source of their own, one line per predecessor over today's commune.
    await mapIdle(page);
    expect(await outlineSource(page)).toContain(health.archives.pre2025);
    expect(await outlined(page)).toEqual(today.predecessors.map((p) => p.code).sort());
    expect(await axeViolations(page)).toEqual([]);

    // Its history: months scored on the 19 criteria (2025-07 … 2026-01) and on the 10 (from 2026-02), each
    // against its own set — two segments, the set named over each, "x/19" and "x/10" in the labels and table.
    const history = page.locator('[data-section="history"]');
    const points = await history.locator('svg.history-chart circle.point').evaluateAll((els) => els.map((e) => [e.getAttribute('data-period'), e.getAttribute('data-total'), e.querySelector('title')?.textContent]));
    expect(points.length).toBeGreaterThan(10);
    for (const [period, total, title] of points) {
      expect(total, period!).toBe(period! < '2026-02' ? '19' : '10');
      expect(title, period!).toMatch(new RegExp(`: \\d+/${total} tiêu chí$`));
    }
    expect(await history.locator('svg.history-chart path.step').count()).toBe(2);
    expect(await history.locator('svg.history-chart line.set-change').getAttribute('data-period')).toBe('2026-02');
    expect(await history.locator('svg.history-chart text.set-name').allTextContents()).toEqual(['19 tiêu chí', '10 tiêu chí']);
    expect(await history.locator('svg.history-chart desc').textContent()).toMatch(/^Bộ 19 tiêu chí: từ tháng 7\/2025 \(\d+\/19\) đến tháng 1\/2026 \(\d+\/19\)\. Bộ 10 tiêu chí: từ tháng 2\/2026/);
    const rows = await history.locator('.history-data tbody tr').evaluateAll((trs) => trs.map((tr) => tr.lastElementChild?.textContent ?? ''));
    expect(rows.at(0)).toMatch(/^\d+\/10$/);
    expect(rows.at(-1)).toMatch(/^\d+\/19$/);
    await history.scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'lineage-new-commune-history-vi');

    // A predecessor's name opens it in the last month of the old units; its card names what it became.
    const monCode = today.predecessors.find((p) => p.name === 'Xã Hà Mòn')!.code;
    await section.locator(`li[data-predecessor="${monCode}"] a`).click();
    await page.waitForFunction(() => document.querySelector('[data-section="successors"]') !== null);
    const url = new URL(page.url());
    expect([url.searchParams.get('commune'), url.searchParams.get('period'), url.searchParams.get('province')]).toEqual([monCode, '2025-06', '62']);
    expect(await page.locator('#panel-title').textContent()).toBe('Xã Hà Mòn');
    expect(await page.locator('[data-section="successors"]').textContent()).toBe('Từ 1/7/2025 thuộc Xã Đăk Hà (Tỉnh Quảng Ngãi)');
    await mapIdle(page);
    expect(await outlined(page)).toBeNull(); // an old commune has no predecessors: the second source is gone
    expect(await outlineSource(page)).toBeNull();
    expect(await page.evaluate(() => (window.ntm!.map.getSource('boundaries') as unknown as { url: string }).url)).toContain(health.archives.pre2025);

    // And its successor's link leads back to today's commune (the latest month).
    await page.locator('[data-section="successors"] a').click();
    await section.waitFor();
    expect(new URL(page.url()).searchParams.get('commune')).toBe('23500');
    expect(new URL(page.url()).searchParams.get('period')).toBeNull();
    // Closing the card takes the outlines away.
    await page.locator('#panel button.close').click();
    await page.waitForFunction(() => !window.ntm!.map.getLayer('predecessor-outlines'));
    expect(e2e.errors).toEqual([]);
  });

  it('in English, on a phone, the card says the same; axe finds nothing', { timeout: 300_000 }, async () => {
    const old = await card('23521', '2025-06');
    expect(old.successors.map((s) => s.name)).toEqual(['Xã Đăk Hà']);
    const page = await e2e.open('/?province=62&commune=23521&period=2025-06&lang=en', { width: 390, height: 844 }, { touch: true });
    await page.locator('[data-section="successors"]').waitFor();
    expect(await page.locator('[data-section="successors"]').textContent()).toBe('Since 1/7/2025 part of Xã Đăk Hà (Tỉnh Quảng Ngãi)');
    expect(await axeViolations(page)).toEqual([]);
    await e2e.screenshot(page, 'lineage-old-commune-phone-en');
    const today = await e2e.open('/?province=51&commune=23500&lang=en', { width: 390, height: 844 }, { touch: true });
    await today.locator('[data-section="predecessors"]').waitFor();
    expect(await today.locator('[data-section="predecessors"] h3').textContent()).toMatch(/^Before 1\/7\/2025: formed from \d+ former units$/);
    expect(await today.locator('[data-section="predecessors"]').textContent()).toContain('criteria met');
    expect(await axeViolations(today)).toEqual([]);
    await e2e.screenshot(today, 'lineage-new-commune-phone-en');
    // The history on a phone, in English: each set named, the points "x/19" and "x/10".
    const history = today.locator('[data-section="history"]');
    expect(await history.locator('svg.history-chart text.set-name').allTextContents()).toEqual(['19 criteria', '10 criteria']);
    await history.scrollIntoViewIfNeeded();
    await e2e.screenshot(today, 'lineage-new-commune-history-phone-en');
    expect(e2e.errors).toEqual([]);
  });

  it('search: an old commune\'s name says what it became and leads there, with the notice', { timeout: 300_000 }, async () => {
    const page = await e2e.open('/');
    await page.locator('#search-input').fill('Hà Mòn');
    const option = page.locator('#search-results li[data-code="23521"]');
    await option.waitFor();
    expect(await option.textContent()).toContain('từ 1/7/2025 thuộc Xã Đăk Hà');
    await option.click();
    await page.locator('[data-section="predecessors"]').waitFor();
    expect(new URL(page.url()).searchParams.get('commune')).toBe('23500');
    expect(await page.locator('#panel-title').textContent()).toBe('Xã Đăk Hà');
    await page.waitForFunction(() => !document.getElementById('moved-notice')?.hidden);
    expect(await page.locator('#moved-notice').textContent()).toBe('Xã Hà Mòn → Xã Đăk Hà từ 1/7/2025');
    await e2e.screenshot(page, 'lineage-search-old-name-vi');
    expect(e2e.errors).toEqual([]);
  });
});
