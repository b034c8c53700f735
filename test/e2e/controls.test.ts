// The header tools in Chromium on the seeded database: province and district filter (selects, click,
// grey-out, camera), permalinks with back/forward, the period slider and player, the search box by
// keyboard, the language switch, keyboard reach, and the phone layout. Screenshots go to test/screenshots.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapIdle, useMapPage } from '../support/e2e.ts';

type BBox = [number, number, number, number];
interface Unit { code: string; name: string; bbox: BBox; label: [number, number] }

const e2e = useMapPage();
const api = async <T>(path: string): Promise<T> => (await (await fetch(`${e2e.url}${path}`)).json()) as T;
let provinces: Map<string, Unit>;
let districtsOf62: Map<string, Unit>;
let periods: [string, string];
const pages: Page[] = [];

beforeAll(async () => {
  provinces = new Map((await api<{ units: Unit[] }>('/api/v1/units')).units.map((u) => [u.code, u]));
  districtsOf62 = new Map((await api<{ units: Unit[] }>('/api/v1/units?parent=62')).units.map((u) => [u.code, u]));
  periods = (await api<{ periods: [string, string] }>('/api/v1/health')).periods;
});
afterAll(async () => {
  for (const page of pages) await page.close().catch(() => {});
});

async function open(path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await e2e.open(path, viewport);
  pages.push(page);
  return page;
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Waits until the camera has settled after a scope change: the map still and its view written to the URL. */
async function cameraSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => new URL(location.href).searchParams.has('view') && !window.ntm!.map.isMoving(), null, { timeout: 20_000 });
  await mapIdle(page);
}

/** Where a point (longitude, latitude) is on the page now, for a mouse click. */
const onScreen = (page: Page, lonLat: [number, number]) => page.evaluate((lonLat) => {
  const map = window.ntm!.map;
  const box = map.getCanvas().getBoundingClientRect();
  const p = map.project(lonLat);
  return { x: box.left + p.x, y: box.top + p.y };
}, lonLat);

const bounds = (page: Page) => page.evaluate(() => window.ntm!.map.getBounds().toArray().flat() as [number, number, number, number]);
const contains = (outer: BBox, inner: BBox) => outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];

/** The communes the grey-out layer draws, and the communes of the choropleth, as rendered now. */
const rendered = async (page: Page) => {
  await mapIdle(page); // a new scope's filters apply once the tiles are parsed again
  return page.evaluate(() => {
    const map = window.ntm!.map;
    const props = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).map((f) => ({ province: String(f.properties.province), district: String(f.properties.district) }));
    return { masked: props('scope-mask'), communes: props('communes-fill') };
  });
};

/** "2023-06" → the slider's index, counting months from the first period. */
const monthIndex = (period: string) => (Number(period.slice(0, 4)) - Number(periods[0].slice(0, 4))) * 12 + Number(period.slice(5, 7)) - Number(periods[0].slice(5, 7));

describe('province and district filter', () => {
  it('zooms to the province chosen and greys out every commune outside it', async () => {
    const page = await open('/');
    expect(await rendered(page).then((r) => r.masked.length)).toBe(0); // no scope: nothing greyed
    await page.selectOption('#province-select', '62');
    expect(param(page, 'province')).toBe('62');
    await cameraSettled(page);
    expect(contains(await bounds(page), provinces.get('62')!.bbox)).toBe(true);
    // The map is zoomed in: the bounds are not much larger than the province.
    const b = await bounds(page);
    expect(b[2] - b[0]).toBeLessThan(5 * (provinces.get('62')!.bbox[2] - provinces.get('62')!.bbox[0]));
    const { masked, communes } = await rendered(page);
    expect(masked.length).toBeGreaterThan(20);
    expect(masked.filter((c) => c.province === '62')).toEqual([]);
    expect(communes.filter((c) => c.province === '62').length).toBeGreaterThan(50);
    expect(communes.some((c) => c.province !== '62')).toBe(true); // neighbours drawn, under the grey
    // The district select now lists the province's districts.
    expect(await page.locator('#district-select').isDisabled()).toBe(false);
    const options = await page.locator('#district-select option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options.sort()).toEqual([...districtsOf62.keys()].sort());
    await e2e.screenshot(page, 'controls-province-desktop');
  });

  it('selects a district of the chosen province by a click inside it (its summary; a second click opens a commune), and the selects clear back to the country', async () => {
    const page = await open('/?province=62');
    await page.waitForFunction(() => (document.getElementById('province-select') as HTMLSelectElement).value === '62');
    await cameraSettled(page);
    const district = districtsOf62.get('610')!;
    const point = await onScreen(page, district.label);
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('district') === '610');
    await page.waitForFunction(() => (document.getElementById('district-select') as HTMLSelectElement).value === '610');
    await cameraSettled(page);
    expect(contains(await bounds(page), district.bbox)).toBe(true);
    const { masked, communes } = await rendered(page);
    expect(masked.filter((c) => c.district === '610')).toEqual([]);
    expect(masked.some((c) => c.province === '62')).toBe(true); // the province's other districts are greyed too
    expect(communes.filter((c) => c.district === '610').length).toBeGreaterThan(3);
    // The click chose the district only: its summary in the panel, no commune card.
    expect(new URL(page.url()).searchParams.has('commune')).toBe(false);
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Huyện Đắk Glei');
    await e2e.screenshot(page, 'controls-district-desktop');
    // The next click inside the district opens the commune's card.
    const again = await onScreen(page, district.label);
    await page.mouse.click(again.x, again.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('commune'));
    expect(new URL(page.url()).searchParams.get('district')).toBe('610');

    // Clearing the district returns to the province; clearing the province to the country.
    await page.selectOption('#district-select', '');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('district'));
    await cameraSettled(page);
    expect(contains(await bounds(page), provinces.get('62')!.bbox)).toBe(true);
    await page.selectOption('#province-select', '');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('province'));
    await cameraSettled(page);
    expect(contains(await bounds(page), [102.2, 8.6, 109.4, 23.3])).toBe(true);
    expect((await rendered(page)).masked).toEqual([]);
    expect(await page.locator('#district-select').isDisabled()).toBe(true);
  });
});

describe('permalinks', () => {
  it('restores province, district, mode, period and language from the URL, and back returns to the previous state', async () => {
    const path = '/?province=62&district=610&mode=met&period=2023-06&lang=en';
    const page = await open(path);
    const check = async () => {
      await page.waitForFunction(() => (document.getElementById('district-select') as HTMLSelectElement).value === '610', null, { timeout: 10_000 });
      expect(await page.locator('#province-select').inputValue()).toBe('62');
      expect(await page.locator('#mode').inputValue()).toBe('met');
      expect(await page.locator('#period-slider').inputValue()).toBe(String(monthIndex('2023-06')));
      expect(await page.locator('.period-value').textContent()).toBe('June 2023');
      expect(await page.locator('#lang-switch').textContent()).toBe('Tiếng Việt');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.locator('label[for="province-select"]').textContent()).toBe('Province');
      await cameraSettled(page);
      expect(contains(await bounds(page), districtsOf62.get('610')!.bbox)).toBe(true);
      const { masked } = await rendered(page);
      expect(masked.length).toBeGreaterThan(0);
      expect(masked.filter((c) => c.district === '610')).toEqual([]);
    };
    await check();
    await e2e.screenshot(page, 'controls-permalink-en-desktop');

    // A reload of the URL as it now stands (with the view the map wrote) gives the same state.
    const settled = page.url();
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await check();
    expect(page.url()).toBe(settled);

    // A new choice is a step in history; back returns to the previous state, forward to the new one.
    await page.selectOption('#province-select', '01');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('province') === '01');
    await cameraSettled(page);
    expect(param(page, 'district')).toBeNull();
    expect(contains(await bounds(page), provinces.get('01')!.bbox)).toBe(true);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('province') === '62');
    await check();
    await page.goForward();
    await page.waitForFunction(() => (document.getElementById('province-select') as HTMLSelectElement).value === '01');
    expect(await page.locator('#district-select').inputValue()).toBe('');
    expect(await page.locator('.period-value').textContent()).toBe('June 2023');
  });

  it('completes a link that names only a commune with its district and province', async () => {
    const page = await open('/?commune=23362');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('district') === '610', null, { timeout: 10_000 });
    expect(param(page, 'province')).toBe('62');
    await page.waitForFunction(() => (document.getElementById('district-select') as HTMLSelectElement).value === '610');
    await cameraSettled(page);
    const c = await page.evaluate(() => window.ntm!.map.getCenter().toArray());
    expect(Math.abs(c[0]! - 107.95878)).toBeLessThan(0.01);
    expect(Math.abs(c[1]! - 15.13163)).toBeLessThan(0.01);
  });
});

describe('period', () => {
  it('changes the month from the slider by keyboard: the status line, the legend and the carried notice follow', async () => {
    const page = await open('/');
    const slider = page.locator('#period-slider');
    expect(await slider.getAttribute('aria-valuetext')).toBe(`tháng ${Number(periods[1].slice(5))}/${periods[1].slice(0, 4)}`);
    expect(await page.locator('label[for="period-slider"]').textContent()).toBe('Tháng');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => /tháng 1\/2021/.test(document.getElementById('status')!.textContent ?? ''));
    expect(param(page, 'period')).toBe(periods[0]);
    expect(await page.locator('#legend .note').textContent()).toContain('tháng 1/2021');
    expect(await page.locator('.period-value').textContent()).toBe('tháng 1/2021');
    expect(await page.locator('.period-notice').isVisible()).toBe(false); // the first month carries nothing
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /tháng 2\/2021/.test(document.getElementById('status')!.textContent ?? ''));
    expect(await page.locator('#legend .note').textContent()).toContain('tháng 2/2021');
    // No special-difficulty list was in force in February 2021 (the 2021–2025 list came in June): the legend says so.
    expect(await page.locator('#legend li[data-class="special"] .count').textContent()).toBe('0');
    expect(await page.locator('#legend .no-list').textContent()).toMatch(/không có danh sách xã đặc biệt khó khăn/);
    const carried = (await api<{ carried: number }>('/api/v1/status?period=2021-02')).carried;
    expect(carried).toBeGreaterThan(0);
    await page.waitForSelector('.period-notice:not([hidden])');
    expect(await page.locator('.period-notice').textContent()).toContain(`${carried} xã chưa có đánh giá tháng 2/2021`);
    await mapIdle(page);
    await e2e.screenshot(page, 'controls-period-carried-desktop');
    // Back steps through the months chosen.
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('period') === '2021-01');
    expect(await slider.inputValue()).toBe('0');
  });

  it('plays through the months with one history entry, and pauses by keyboard', async () => {
    const page = await open('/?period=2022-01');
    const before = await page.evaluate(() => history.length);
    const play = page.locator('#period-play');
    expect(await play.getAttribute('aria-label')).toBe('Phát lần lượt từng tháng');
    await play.focus();
    await page.keyboard.press('Space');
    expect(await play.getAttribute('aria-pressed')).toBe('true');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('period')! >= '2022-04', null, { timeout: 15_000 });
    await page.keyboard.press('Enter'); // pause
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    const stopped = param(page, 'period')!;
    await page.waitForTimeout(1_000);
    expect(param(page, 'period')).toBe(stopped); // paused: no further step
    await page.waitForFunction((p) => document.getElementById('status')!.textContent!.includes(`tháng ${Number(p.slice(5))}/${p.slice(0, 4)}`), stopped);
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('period') === '2022-01');
  });
});

describe('search', () => {
  it('finds Xã Mường Hoong without diacritics by keyboard, selects it, flies to it and opens its card', async () => {
    const page = await open('/');
    const input = page.locator('#search-input');
    expect(await input.getAttribute('role')).toBe('combobox');
    await input.focus();
    await page.keyboard.type('muong hoong');
    // Results follow the typing (those of "muong hoa" may show for a moment): wait for the whole query's.
    await page.waitForFunction(() => document.querySelector('#search-results [role="option"]')?.textContent?.includes('Xã Mường Hoong'));
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const first = page.locator('#search-results [role="option"]').first();
    expect(await first.textContent()).toContain('Xã Mường Hoong');
    expect(await first.textContent()).toContain('Huyện Đắk Glei, Tỉnh Kon Tum');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await e2e.screenshot(page, 'controls-search-desktop');
    await page.keyboard.press('Enter');
    expect(param(page, 'commune')).toBe('23362');
    expect(param(page, 'district')).toBe('610');
    expect(param(page, 'province')).toBe('62');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await cameraSettled(page);
    const c = await page.evaluate(() => window.ntm!.map.getCenter().toArray());
    expect(Math.abs(c[0]! - 107.95878)).toBeLessThan(0.01);
    expect(Math.abs(c[1]! - 15.13163)).toBeLessThan(0.01);
    expect(await page.evaluate(() => window.ntm!.map.getZoom())).toBeGreaterThan(9);
    // Its card is open, naming the decision that listed it as a special-difficulty commune.
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Xã Mường Hoong');
    await page.waitForSelector('#panel [data-section="special"] li');
    expect(await page.locator('#panel [data-section="special"]').textContent()).toContain('900/QĐ-TTg');
    expect(await page.locator('#district-select').inputValue()).toBe('610');
  });

  it('tells same-named communes apart, moves with ArrowUp, closes with Escape, and sets the filter for a district', async () => {
    const page = await open('/');
    const input = page.locator('#search-input');
    await input.focus();
    await page.keyboard.type('tan thanh');
    await page.waitForSelector('#search-results [role="option"]');
    const options = await page.locator('#search-results [role="option"]').allTextContents();
    expect(options.length).toBe(8);
    expect(new Set(options).size).toBe(options.length); // same names, told apart by district and province
    await page.keyboard.press('ArrowUp'); // wraps to the last
    expect(await input.getAttribute('aria-activedescendant')).toBe('search-option-7');
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#search-results').isVisible()).toBe(false);
    await page.keyboard.press('Escape'); // closed already: clears
    expect(await input.inputValue()).toBe('');
    // A district: the filter is set, no commune.
    await page.keyboard.type('dak glei');
    await page.waitForFunction(() => document.querySelector('#search-results [role="option"]')?.textContent?.includes('Huyện Đắk Glei'));
    await page.keyboard.press('Enter');
    expect(param(page, 'district')).toBe('610');
    expect(param(page, 'province')).toBe('62');
    expect(param(page, 'commune')).toBeNull();
    await cameraSettled(page);
    expect(contains(await bounds(page), districtsOf62.get('610')!.bbox)).toBe(true);
  });
});

describe('language and keyboard', () => {
  it('switches to English and back, every string of the tools following', async () => {
    const page = await open('/?period=2024-06');
    await page.locator('#lang-switch').click();
    expect(param(page, 'lang')).toBe('en');
    await page.waitForFunction(() => /communes assessed/.test(document.getElementById('status')!.textContent ?? ''));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('#lang-switch').textContent()).toBe('Tiếng Việt');
    expect(await page.locator('label[for="province-select"]').textContent()).toBe('Province');
    expect(await page.locator('label[for="district-select"]').textContent()).toBe('District');
    expect(await page.locator('#province-select option').first().textContent()).toBe('Whole country');
    expect(await page.locator('label[for="period-slider"]').textContent()).toBe('Month');
    expect(await page.locator('.period-value').textContent()).toBe('June 2024');
    expect(await page.locator('#period-play').getAttribute('aria-label')).toBe('Play month by month');
    expect(await page.locator('#search-input').getAttribute('placeholder')).toBe('Search commune, district, province…');
    expect(await page.locator('.period-notice').textContent()).toMatch(/^⚠ [\d,]+ communes have no review for June 2024/);
    await e2e.screenshot(page, 'controls-english-desktop');
    await page.locator('#lang-switch').click();
    expect(param(page, 'lang')).toBeNull();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await page.locator('#lang-switch').textContent()).toBe('English');
    expect(await page.locator('.period-value').textContent()).toBe('tháng 6/2024');
    expect(await page.locator('.period-notice').textContent()).toMatch(/^⚠ [\d.]+ xã chưa có đánh giá tháng 6\/2024/); // vi groups thousands with "."
  });

  it('has no axe-core violations with a district chosen, the carried notice shown, and the suggestions open', async () => {
    const page = await open('/?province=62&district=610&period=2021-06&lang=en');
    await page.waitForFunction(() => (document.getElementById('district-select') as HTMLSelectElement).value === '610');
    await page.waitForSelector('.period-notice:not([hidden])');
    await page.locator('#search-input').focus();
    await page.keyboard.type('tan thanh');
    await page.waitForSelector('#search-results [role="option"]');
    await page.keyboard.press('ArrowDown');
    const result = await new AxeBuilder({ page }).include('header').include('.period-notice').analyze();
    expect(result.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
  });

  it('reaches every control of the page with Tab, each with a visible focus ring', async () => {
    const page = await open('/?province=62');
    await page.waitForSelector('#panel:not([hidden]) h2');
    const seen: string[] = [];
    // What Tab reaches, named by id, or by the control's own words where it has no id.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const name = el.id || el.getAttribute('aria-label') || el.className.toString().split(' ')[0] || el.textContent?.trim().slice(0, 30) || el.tagName;
        const style = getComputedStyle(el);
        // A ring drawn as an outline, or as a box shadow (MapLibre's own buttons draw theirs so).
        return { name, ring: style.outlineStyle !== 'none' || style.boxShadow !== 'none', visible: el.matches(':focus-visible') };
      });
      if (!focused || seen.includes(focused.name)) continue;
      seen.push(focused.name);
      expect(focused.visible, focused.name).toBe(true);
      expect(focused.ring, focused.name).toBe(true);
    }
    // The header's tools, the map and its zoom buttons, the legend's fold, options and actions, the panel.
    for (const name of ['search-input', 'lang-switch', 'mode', 'province-select', 'district-select', 'period-play', 'period-slider', 'sign-in', 'open-embed',
      'Zoom in', 'Zoom out', 'toggle-hatch', 'toggle-only', 'open-table', 'download-png']) expect(seen, name).toContain(name);
    expect(seen.some((n) => /map|maplibregl-canvas/i.test(n)), 'the map itself').toBe(true);
    expect(seen.length).toBeGreaterThan(20); // the panel's links and buttons too
  });
});

describe('phone (390×844)', () => {
  it('keeps the header usable: search at full width, no sideways scrolling, the tools on screen', async () => {
    const page = await open('/?province=62&district=610&period=2024-06', { width: 390, height: 844 });
    await page.waitForFunction(() => (document.getElementById('district-select') as HTMLSelectElement).value === '610');
    await cameraSettled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    const header = await box('header');
    const search = await box('#search-input');
    expect(search.width).toBeGreaterThan(header.width - 40);
    for (const selector of ['#province-select', '#district-select', '#period-slider', '#period-play', '#lang-switch', '.period-value']) {
      const b = await box(selector);
      expect(b.x, selector).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, selector).toBeLessThanOrEqual(390);
    }
    // The header leaves most of the screen to the map.
    expect(header.height).toBeLessThan(844 * 0.4);
    await e2e.screenshot(page, 'controls-district-phone');
    // The suggestions fit the screen.
    await page.locator('#search-input').focus();
    await page.keyboard.type('tan thanh');
    await page.waitForSelector('#search-results [role="option"]');
    const list = await box('#search-results');
    expect(list.x).toBeGreaterThanOrEqual(0);
    expect(list.x + list.width).toBeLessThanOrEqual(390);
    await e2e.screenshot(page, 'controls-search-phone');
  });

  it('saw no page or console errors', () => {
    expect(e2e.errors).toEqual([]);
  });
});
