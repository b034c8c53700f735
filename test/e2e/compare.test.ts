// Before and after, in the browser, on the database of both eras: the comparison view draws 2025-06 on the old
// units beside a month on today's units, one camera for both, a swipe handle that the keyboard moves, the state
// in the URL, a way in and out from the header; axe finds nothing on a desktop and a phone, in both languages.
import AxeBuilder from '@axe-core/playwright';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { mapIdle, useMapPage } from '../support/e2e.ts';
import { TODAY_LAST_PERIOD } from '../support/eras.ts';

interface Health { archives: { pre2025: string; '2025-07': string } }

/** What each side draws: its archive and the province codes in its tiles. */
const sides = (page: Page) => page.evaluate(() => {
  const of = (map: MapLibreMap) => ({
    archive: (map.getSource('boundaries') as unknown as { url: string }).url,
    provinces: [...new Set(map.querySourceFeatures('boundaries', { sourceLayer: 'provinces' }).map((f) => String(f.properties.code)))].sort(),
    center: map.getCenter().toArray().map((x) => x.toFixed(4)),
    zoom: map.getZoom().toFixed(3),
  });
  return { before: of(window.ntmCompare!.before), after: of(window.ntm!.map) };
});
/** Waits until the map before has drawn its tiles. */
const beforeIdle = (page: Page) => page.waitForFunction(() => {
  const map = window.ntmCompare?.before;
  return !!map && map.loaded() && map.areTilesLoaded() && !!document.querySelector('#compare-before h2');
}, null, { timeout: 120_000 });
/** The left map's area: the provinces its mask leaves clear, and those of the communes it greys out. */
const maskedProvinces = (page: Page) => page.evaluate(() => {
  const before = window.ntmCompare!.before;
  const filter = JSON.stringify(before.getFilter('scope-mask'));
  const clear = (JSON.parse(filter) as [string, [string, unknown, [string, string[]]]])[1][2][1];
  const masked = [...new Set(before.queryRenderedFeatures({ layers: ['scope-mask'] }).map((f) => String(f.properties.province)))];
  return { before: [...clear].sort(), masked };
});
const axeViolations = async (page: Page) => (await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze()).violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);

describe('before and after: the comparison view', () => {
  const e2e = useMapPage(() => ({ DATABASE_URL: inject('todaySqliteUrl') }));

  it('opens from the header, shows the old communes on the left and today\'s on the right, and closes again', { timeout: 300_000 }, async () => {
    const health = (await (await fetch(`${e2e.url}/api/v1/health`)).json()) as Health;
    const page = await e2e.open('/?province=51&mode=met');
    const toggle = page.locator('#compare-toggle');
    expect(await toggle.textContent()).toBe('So sánh trước – sau');
    await toggle.click();
    await beforeIdle(page);
    await mapIdle(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('compare')).toBe('2025-06..');
    expect(url.searchParams.get('province')).toBe('51');
    expect(await toggle.textContent()).toBe('Thoát so sánh');
    // Both structures, one camera: on the left the old provinces of today's Quảng Ngãi (51), Quảng Ngãi and
    // Kon Tum (62), on the right today's, where 62 is no province.
    const drawn = await sides(page);
    expect(drawn.before.archive).toContain(health.archives.pre2025);
    expect(drawn.after.archive).toContain(health.archives['2025-07']);
    expect(drawn.before.provinces).toEqual(expect.arrayContaining(['51', '62']));
    expect(drawn.after.provinces).toContain('51');
    expect(drawn.after.provinces).not.toContain('62');
    expect(drawn.before.center).toEqual(drawn.after.center);
    expect(drawn.before.zoom).toEqual(drawn.after.zoom);
    // Each side says its month and units; the same colour mode, on each set's own scale.
    expect(await page.locator('#compare-before h2').textContent()).toBe('Trước: tháng 6/2025');
    expect(await page.locator('#compare-after h2').textContent()).toBe(`Sau: tháng ${Number(TODAY_LAST_PERIOD.slice(5))}/${TODAY_LAST_PERIOD.slice(0, 4)}`);
    expect(await page.locator('#compare-before .compare-legend summary').textContent()).toBe('Số tiêu chí đạt (trên 19)');
    expect(await page.locator('#legend h2').textContent()).toBe('Số tiêu chí đạt (trên 10)');
    // The left side's communes are coloured by their 2025-06 status.
    const status = (await (await fetch(`${e2e.url}/api/v1/status?period=2025-06`)).json()) as { communes: Array<{ code: string }> };
    const scored = new Set(status.communes.map((c) => c.code));
    const classed = await page.evaluate(() => window.ntmCompare!.before.queryRenderedFeatures({ layers: ['communes-fill'] })
      .filter((f) => typeof (f.state as { cls?: unknown }).cls === 'number').map((f) => String(f.properties.code)));
    expect(classed.length).toBeGreaterThan(20);
    for (const code of classed) expect(scored.has(code), code).toBe(true);
    // The same area on both sides: on the left the old units today's Quảng Ngãi was made of, the rest greyed
    // out as on the right; the left legend counts their communes.
    expect(await maskedProvinces(page)).toEqual({ before: ['51', '62'], masked: expect.not.arrayContaining(['51', '62']) });
    expect(await page.locator('#compare-before [data-area]').textContent()).toMatch(/^[\d.]+ xã được đánh giá \(Tỉnh Quảng Ngãi, Tỉnh Kon Tum\)$/);
    const both = await Promise.all(['51', '62'].map(async (p) => ((await (await fetch(`${e2e.url}/api/v1/status?period=2025-06&province=${p}`)).json()) as { communes: unknown[] }).communes.length));
    expect(await page.locator('#compare-before [data-area]').textContent()).toContain(new Intl.NumberFormat('vi').format(both[0]! + both[1]!));

    // The handle: a labelled slider that the arrow keys move, and the left map's clip with it.
    const handle = page.locator('.compare-swiper-vertical');
    expect(await handle.getAttribute('role')).toBe('slider');
    expect(await handle.getAttribute('aria-label')).toBe('Vạch chia giữa bản đồ trước và sau');
    expect(await handle.getAttribute('aria-valuenow')).toBe('50');
    const clip = () => page.locator('#map-before').evaluate((el) => (el as HTMLElement).style.clip);
    const clipBefore = await clip();
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await handle.getAttribute('aria-valuenow')).toBe('60');
    expect(await clip()).not.toBe(clipBefore);
    await page.keyboard.press('Home');
    expect(await handle.getAttribute('aria-valuenow')).toBe('0');
    await page.keyboard.press('End');
    expect(await handle.getAttribute('aria-valuenow')).toBe('100');
    await page.keyboard.press('ArrowLeft');
    expect(await handle.getAttribute('aria-valuenow')).toBe('95');

    expect(await axeViolations(page)).toEqual([]);
    // Out again: the second map is gone, the month after stays the page's.
    await toggle.click();
    await page.waitForFunction(() => !document.getElementById('compare') && !window.ntmCompare);
    expect(new URL(page.url()).searchParams.get('compare')).toBeNull();
    expect(await toggle.textContent()).toBe('So sánh trước – sau');
    expect(e2e.errors).toEqual([]);
  });

  for (const [lang, viewport, name] of [
    ['vi', { width: 1280, height: 800 }, 'desktop'],
    ['en', { width: 1280, height: 800 }, 'desktop'],
    ['vi', { width: 390, height: 844 }, 'phone'],
    ['en', { width: 390, height: 844 }, 'phone'],
  ] as const) {
    it(`a link opens it (${lang}, ${name}); axe finds nothing`, { timeout: 300_000 }, async () => {
      const page = await e2e.open(`/?compare=2025-06..2026-11&province=51&mode=level${lang === 'en' ? '&lang=en' : ''}`, viewport, name === 'phone' ? { touch: true } : {});
      await beforeIdle(page);
      await mapIdle(page);
      expect(new URL(page.url()).searchParams.get('compare')).toBe('2025-06..2026-11');
      expect(await page.locator('#compare-before h2').textContent()).toBe(lang === 'vi' ? 'Trước: tháng 6/2025' : 'Before: June 2025');
      expect(await page.locator('#compare-after h2').textContent()).toBe(lang === 'vi' ? 'Sau: tháng 11/2026' : 'After: November 2026');
      const drawn = await sides(page);
      expect(drawn.before.provinces).toEqual(expect.arrayContaining(['51', '62']));
      expect(drawn.after.provinces).not.toContain('62');
      expect((await maskedProvinces(page)).before).toEqual(['51', '62']);
      // The left label: open on a desktop; on a phone folded to two short lines, the month and the units
      // (before: seven lines, a third of the left side), the rest a tap away.
      const label = await page.locator('#compare-before').boundingBox();
      const map = await page.locator('#map').boundingBox();
      expect(await page.locator('#compare-before details.compare-about').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(name === 'desktop');
      if (name === 'phone') {
        expect(label!.height).toBeLessThan(56);
        expect(label!.width).toBeLessThan(map!.width / 2);
        expect(await axeViolations(page)).toEqual([]);
        await page.locator('#compare-before details.compare-about > summary').click();
        expect(await page.locator('#compare-before .compare-attribution').isVisible()).toBe(true);
        await e2e.screenshot(page, `compare-${name}-${lang}-label-open`);
        await page.locator('#compare-before details.compare-about > summary').click();
      }
      expect(await axeViolations(page)).toEqual([]);
      await e2e.screenshot(page, `compare-${name}-${lang}`);
      expect(e2e.errors).toEqual([]);
    });
  }
});
