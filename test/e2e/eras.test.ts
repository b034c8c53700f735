// The map across the reform, on the database seeded with both eras (as `npm run db:seed -- --today` makes
// it): the latest period is drawn on today's units with the 10 criteria of 2026-2030, a 2024 period on the
// old communes with the 19 of 2021-2025 (the archive swapped in place, the camera kept), the controls follow
// the period's set, and a link naming a province that no longer exists shows its successor with a notice.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { legendRows, mapIdle, renderedCommunes, useMapPage } from '../support/e2e.ts';
import { TODAY_LAST_PERIOD } from '../support/eras.ts';

interface Health { archives: { pre2025: string; '2025-07': string } }

/** The URL of the archive the boundary source draws. */
const drawnArchive = (page: Page) => page.evaluate(() => (window.ntm!.map.getSource('boundaries') as unknown as { url: string }).url);
/** Province codes of the provinces the map has in its tiles (the provinces layer). */
const drawnProvinces = (page: Page) => page.evaluate(() => [...new Set(window.ntm!.map.querySourceFeatures('boundaries', { sourceLayer: 'provinces' }).map((f) => String(f.properties.code)))]);

describe('map page across the reform', () => {
  const e2e = useMapPage(() => ({ DATABASE_URL: inject('todaySqliteUrl') }));

  it('opens on today\'s 34 provinces with the 10 criteria, and a 2024 month on the old communes with the 19', async () => {
    const health = (await (await fetch(`${e2e.url}/api/v1/health`)).json()) as Health;
    const page = await e2e.open('/?mode=met');
    await mapIdle(page);
    expect(await drawnArchive(page)).toContain(health.archives['2025-07']);
    expect((await drawnProvinces(page)).length).toBe(34);
    expect(await page.locator('#legend h2').textContent()).toBe('Số tiêu chí đạt (trên 10)');
    expect([...(await legendRows(page)).keys()].slice(0, 4)).toEqual(['lt5', 'b5', 'b8', 'b10']);
    expect(await page.locator('#legend li[data-class="b10"]').textContent()).toContain('Đủ 10 tiêu chí');
    expect(await page.locator('#legend .note').textContent()).toContain(`${Number(TODAY_LAST_PERIOD.slice(5))}/${TODAY_LAST_PERIOD.slice(0, 4)}`);
    // The 2026-2030 set has no criteria groups: no group mode; its levels are đạt chuẩn and NTM hiện đại.
    expect(await page.locator('#mode option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['level', 'met', 'criterion']);
    await page.selectOption('#mode', 'level');
    await page.waitForFunction(() => document.querySelector('#legend h2')?.textContent === 'Mức đạt chuẩn nông thôn mới');
    expect([...(await legendRows(page)).keys()].slice(0, 3)).toEqual(['chua_dat', 'dat_chuan', 'hien_dai']);
    await page.selectOption('#mode', 'criterion');
    expect(await page.locator('#criterion option').count()).toBe(10);
    expect(await page.locator('label[for="district-select"]').textContent()).toBe('Khu vực huyện cũ');
    // Today's boundaries credit the state atlas they come from.
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('sapnhap.bando.com.vn');

    // Moving to 2024-06: the old archive in the same source, the camera where it was, 19 criteria.
    await page.selectOption('#mode', 'met');
    const before = await page.evaluate(() => ({ ...window.ntm!.map.getCenter(), zoom: window.ntm!.map.getZoom() }));
    const months = await page.locator('#period-slider').evaluate((el) => Number((el as HTMLInputElement).max));
    const index = await page.evaluate(([first]) => (2024 - Number(first!.slice(0, 4))) * 12 + (6 - Number(first!.slice(5))), [await page.evaluate(() => window.ntm!.app.health.periods![0])]);
    expect(index).toBeLessThan(months);
    await page.locator('#period-slider').evaluate((el, i) => {
      const input = el as HTMLInputElement;
      input.value = String(i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, index);
    await page.waitForFunction(() => document.querySelector('#legend h2')?.textContent === 'Số tiêu chí đạt (trên 19)');
    await mapIdle(page);
    expect(new URL(page.url()).searchParams.get('period')).toBe('2024-06');
    expect(await drawnArchive(page)).toContain(health.archives.pre2025);
    expect((await drawnProvinces(page)).length).toBe(63);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('censusVN2009');
    const after = await page.evaluate(() => ({ ...window.ntm!.map.getCenter(), zoom: window.ntm!.map.getZoom() }));
    expect(after).toEqual(before);
    expect([...(await legendRows(page)).keys()].slice(0, 4)).toEqual(['lt10', 'b10', 'b15', 'b19']);
    expect(await page.locator('#mode option').count()).toBe(4);
    expect(await page.locator('label[for="district-select"]').textContent()).toBe('Huyện/quận');
    // Every drawn commune is an old commune, coloured by its 2024-06 status (none left from today's units).
    const status = (await (await fetch(`${e2e.url}/api/v1/status?period=2024-06`)).json()) as { communes: Array<{ code: string; met: number }> };
    const byCode = new Map(status.communes.map((c) => [c.code, c]));
    const legend = await legendRows(page);
    const drawn = (await renderedCommunes(page)).filter((c) => c.type === 'Xã' && byCode.has(c.code));
    expect(drawn.length).toBeGreaterThan(50);
    const bin = (met: number) => (met < 10 ? 'lt10' : met <= 14 ? 'b10' : met <= 18 ? 'b15' : 'b19');
    for (const c of drawn) expect(c.rgb, c.code).toBe(legend.get(bin(byCode.get(c.code)!.met))!.rgb);
    expect(e2e.errors).toEqual([]);
  });

  it('a link to 2024-06 draws the old communes with 19 criteria', async () => {
    const health = (await (await fetch(`${e2e.url}/api/v1/health`)).json()) as Health;
    const page = await e2e.open('/?period=2024-06&mode=met&lang=en');
    expect(await drawnArchive(page)).toContain(health.archives.pre2025);
    expect(await page.locator('#legend h2').textContent()).toBe('Criteria met (of 19)');
    expect(await page.locator('#legend li[data-class="b19"]').textContent()).toContain('All 19 criteria');
    expect(e2e.errors).toEqual([]);
  });

  it('the controls follow the structure: the province list, the former districts, the marks on the time line', async () => {
    const page = await e2e.open('/?province=51');
    const options = (id: string) => page.locator(`#${id} option`).evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).textContent ?? ''));
    await page.waitForFunction(() => document.querySelectorAll('#province-select option').length > 30 && document.querySelectorAll('#district-select option').length > 2);
    expect((await options('province-select')).length).toBe(1 + 34);
    // Today's Quảng Ngãi: the former districts of the old Quảng Ngãi and Kon Tum (Đắk Glei was Kon Tum's).
    expect(await page.locator('label[for="district-select"]').textContent()).toBe('Khu vực huyện cũ');
    expect(await options('district-select')).toContain('Huyện Đắk Glei');
    // The time line: 2021-01 to the last month, marks at the reform and at the 2026-2030 criteria.
    expect(await page.locator('#period-marks').textContent()).toBe('1/7/2025: sắp xếp đơn vị hành chính; 15/2/2026: bộ tiêu chí mới (51/2025/QĐ-TTg)');
    expect(await page.locator('.period-mark').count()).toBe(2);
    expect(await page.locator('#period-slider').getAttribute('aria-describedby')).toBe('period-marks');
    const old = await e2e.open('/?period=2024-06&province=62');
    await old.waitForFunction(() => document.querySelectorAll('#province-select option').length > 60 && document.querySelectorAll('#district-select option').length > 2);
    expect((await old.locator('#province-select option').count())).toBe(1 + 63);
    expect(await old.locator('label[for="district-select"]').textContent()).toBe('Huyện/quận');
    expect(await old.locator('#district-select option').evaluateAll((o) => o.map((x) => x.textContent))).toContain('Huyện Đắk Glei');
    expect(e2e.errors).toEqual([]);
  });

  it('a chosen old province or district crosses the reform to its successors with the notice, and back', async () => {
    const slide = async (page: Page, period: string) => {
      await page.locator('#period-slider').evaluate((el, p) => {
        const input = el as HTMLInputElement;
        const [first] = window.ntm!.app.health.periods!;
        input.value = String((Number(p.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(p.slice(5)) - Number(first.slice(5)));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, period);
      await page.waitForFunction((p) => window.ntm!.app.status()?.period === p, period);
      await mapIdle(page);
    };
    const page = await e2e.open('/?period=2024-06&province=62');
    await mapIdle(page);
    const camera = () => page.evaluate(() => ({ ...window.ntm!.map.getCenter(), zoom: window.ntm!.map.getZoom() }));
    const before = await camera();
    await slide(page, TODAY_LAST_PERIOD);
    expect(new URL(page.url()).searchParams.get('province')).toBe('51');
    expect(await page.locator('#moved-notice').textContent()).toBe('Tỉnh Kon Tum → Tỉnh Quảng Ngãi từ 1/7/2025');
    expect(await camera()).toEqual(before);
    await slide(page, '2024-06');
    expect(new URL(page.url()).searchParams.get('province')).toBe('62');
    expect(await page.locator('#province-select').inputValue()).toBe('62');

    // A district: after the reform, the former district of the same name in Quảng Ngãi, the notice naming its communes.
    const district = await e2e.open('/?period=2024-06&province=62&district=610');
    await slide(district, TODAY_LAST_PERIOD);
    const url = new URL(district.url());
    expect([url.searchParams.get('province'), url.searchParams.get('district')]).toEqual(['51', '610']);
    expect(await district.locator('#moved-notice').textContent()).toMatch(/^Huyện Đắk Glei → Xã .* từ 1\/7\/2025$/);
    await slide(district, '2024-06');
    expect([new URL(district.url()).searchParams.get('province'), new URL(district.url()).searchParams.get('district')]).toEqual(['62', '610']);
    await e2e.screenshot(district, 'eras-district-crossed');
    // The panel waits for the mapped area: it never asks for the old code in the new month.
    expect(e2e.errors).toEqual([]);
  });

  it('a criterion the period\'s set lacks falls back to criterion 1 with a note, never in silence', { timeout: 300_000 }, async () => {
    const page = await e2e.open('/?mode=criterion&criterion=15');
    await page.waitForFunction(() => !document.getElementById('mode-notice')?.hidden);
    expect(await page.locator('#mode-notice').textContent()).toBe(`Tiêu chí 15 không có trong bộ 10 tiêu chí áp dụng cho tháng ${Number(TODAY_LAST_PERIOD.slice(5))}/${TODAY_LAST_PERIOD.slice(0, 4)} (51/2025/QĐ-TTg): bản đồ đang hiển thị tiêu chí 1.`);
    expect(new URL(page.url()).searchParams.get('criterion')).toBe('1');
    expect(await page.locator('#criterion').inputValue()).toBe('1');
    expect(await page.locator('#legend h2').textContent()).toMatch(/^Tiêu chí 1/);
    // The reader's next choice is theirs: the note goes.
    await page.selectOption('#criterion', '3');
    await page.waitForFunction(() => document.getElementById('mode-notice')?.hidden === true);
    // In a month of the 19 criteria, criterion 15 is drawn as asked, with no note.
    const old = await e2e.open('/?mode=criterion&criterion=15&period=2024-06&lang=en');
    await old.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    expect(new URL(old.url()).searchParams.get('criterion')).toBe('15');
    expect(await old.locator('#mode-notice').isHidden()).toBe(true);
    expect(e2e.errors).toEqual([]);
  });

  it('on a phone, after the reform notice, the boundary credit is folded behind its button and complete', { timeout: 300_000 }, async () => {
    for (const lang of ['vi', 'en'] as const) {
      const page = await e2e.open(`/?period=2024-06&province=62${lang === 'en' ? '&lang=en' : ''}`, { width: 390, height: 844 }, { touch: true });
      await mapIdle(page);
      await page.locator('#period-slider').evaluate((el) => {
        const input = el as HTMLInputElement;
        input.value = input.max;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await page.waitForFunction(() => !document.getElementById('moved-notice')?.hidden && document.querySelector('.maplibregl-ctrl-attrib')?.textContent?.includes('sapnhap.bando.com.vn'));
      // Today's units drawn (the status of the new month on the map), then settled.
      await page.waitForFunction((p) => window.ntm!.app.status()?.period === p, TODAY_LAST_PERIOD);
      await mapIdle(page);
      const credit = page.locator('.maplibregl-ctrl-attrib');
      expect(await credit.getAttribute('class')).toContain('maplibregl-compact');
      expect(await credit.getAttribute('class')).not.toContain('maplibregl-compact-show');
      expect(await credit.locator('.maplibregl-ctrl-attrib-inner').isVisible()).toBe(false);
      const axe = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
      expect(axe.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
      await e2e.screenshot(page, `eras-phone-after-notice-${lang}`);
      // Its button opens it, whole.
      await credit.locator('summary').click();
      expect(await credit.locator('.maplibregl-ctrl-attrib-inner').isVisible()).toBe(true);
      expect(await credit.locator('.maplibregl-ctrl-attrib-inner').textContent()).toContain('sapnhap.bando.com.vn');
    }
    expect(e2e.errors).toEqual([]);
  });

  it('/?province=62 says Kon Tum is part of Quảng Ngãi since 1/7/2025 and shows Quảng Ngãi', async () => {
    for (const [lang, text] of [['vi', 'Tỉnh Kon Tum → Tỉnh Quảng Ngãi từ 1/7/2025'], ['en', 'Tỉnh Kon Tum is part of Tỉnh Quảng Ngãi since 1/7/2025']] as const) {
      const page = await e2e.open(`/?province=62${lang === 'en' ? '&lang=en' : ''}`);
      await page.waitForFunction(() => !document.getElementById('moved-notice')?.hidden);
      expect(await page.locator('#moved-notice').textContent()).toBe(text);
      expect(new URL(page.url()).searchParams.get('province')).toBe('51');
      const axe = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
      expect(axe.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
      await e2e.screenshot(page, `eras-province-62-${lang}`);
    }
    // Nothing is asked for in the old code: the status, the districts' list and the panel wait for the mapped one.
    expect(e2e.errors).toEqual([]);
  });
});
