// The map with a province or district chosen, the names on the map, and touch: the legend counts the
// scope's communes (with "no data" and "not scored") as the API does; a month change asks only for the
// province's status; province names at country zoom and district names zoomed in, in Vietnamese with their
// diacritics; hover shows the tooltip (with district and province); on a phone a tap shows it (on screen)
// and a second tap opens the card.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classOf, legendRows, mapIdle, useMapPage } from '../support/e2e.ts';

interface ApiStatus { units: { communes: number; rural: number }; communes: Array<{ code: string; met: number; level: string; value?: number }> }

/** The names a label layer draws now (waits until it draws some: the names come after the first choropleth). */
async function labelsOf(page: Page, layer: string): Promise<string[]> {
  await page.waitForFunction((layer) => !!window.ntm!.map.getLayer(layer), layer);
  await mapIdle(page);
  return page.evaluate((layer) => window.ntm!.map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.name)), layer);
}

describe('map with a scope, names and touch', () => {
  const e2e = useMapPage();
  const api = async (path: string) => (await (await fetch(`${e2e.url}${path}`)).json()) as ApiStatus;

  it('counts the chosen province\'s and district\'s communes in the legend, as the API does', async () => {
    for (const [path, statusPath] of [['/?province=62', '/api/v1/status?province=62'], ['/?province=62&district=610&mode=met', '/api/v1/status?district=610']] as const) {
      const page = await e2e.open(path);
      const status = await api(statusPath);
      const mode = path.includes('mode=met') ? 'met' : 'level';
      const expected = new Map<string, number>();
      for (const c of status.communes) expected.set(classOf(mode, c), (expected.get(classOf(mode, c)) ?? 0) + 1);
      const legend = await legendRows(page);
      for (const [key, row] of legend) {
        if (key === 'no_data') expect(row.count, path).toBe(status.units.rural - status.communes.length);
        else if (key === 'not_scored') expect(row.count, path).toBe(status.units.communes - status.units.rural);
        else expect(row.count, `${path} ${key}`).toBe(expected.get(key) ?? 0);
      }
      expect([...legend.values()].reduce((n, r) => n + r.count, 0)).toBe(status.units.communes);
      expect(status.units.communes).toBeLessThan(1000); // the scope, not the country's 10,047
      expect(await page.locator('#status').textContent()).toContain(`${status.communes.length} xã`);
      await page.close();
    }
  });

  it('asks only for the province\'s status when the month or the mode changes at a province view', async () => {
    const page = await e2e.open('/?province=62&view=107.9,14.6,8');
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/status')) asked.push(new URL(r.url()).search);
    });
    await page.evaluate(() => window.ntm!.app.store.set({ period: '2023-06' }));
    await page.waitForFunction(() => window.ntm!.app.status()?.period === '2023-06');
    await page.selectOption('#mode', 'criterion');
    await page.waitForFunction(() => window.ntm!.app.status()?.communes[0]?.value !== undefined);
    expect(asked.length).toBe(2);
    for (const q of asked) expect(q).toMatch(/province=62/);
    await page.close();
  });

  it('names the provinces and the archipelagos at country zoom and the districts zoomed in, with their diacritics', async () => {
    const country = await e2e.open('/');
    const provinces = await labelsOf(country, 'province-labels');
    expect(provinces.length).toBeGreaterThan(20);
    expect(provinces.some((n) => /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i.test(n))).toBe(true);
    expect(await labelsOf(country, 'district-labels')).toEqual([]); // no district names at country zoom
    // Hoàng Sa and Trường Sa, in view and named on a wide screen.
    expect((await labelsOf(country, 'archipelago-labels')).sort()).toEqual(['Huyện Hoàng Sa', 'Huyện Trường Sa']);
    await e2e.screenshot(country, 'labels-country-desktop');

    const region = await e2e.open('/?view=108.0,14.6,6.5');
    expect(await labelsOf(region, 'province-labels')).toContain('Tỉnh Kon Tum');
    await region.close();
    // A province with an island district is shown where its communes are, not as a speck beside Trường Sa.
    const khanhHoa = await e2e.open('/?province=56');
    await khanhHoa.waitForFunction(() => new URLSearchParams(location.search).has('view'));
    await mapIdle(khanhHoa);
    const b = await khanhHoa.evaluate(() => window.ntm!.map.getBounds().toArray().flat());
    expect(b[2]).toBeLessThan(111); // east edge well short of Trường Sa (111.9–115.8° E)
    expect(b[0]).toBeGreaterThan(107); // and the province fills the view
    await khanhHoa.close();
    const zoomed = await e2e.open('/?province=62&view=107.75,14.85,9.2');
    const districts = await labelsOf(zoomed, 'district-labels');
    expect(districts).toContain('Huyện Đắk Glei');
    await e2e.screenshot(zoomed, 'labels-district-desktop');
    const phone = await e2e.open('/?province=62', { width: 390, height: 844 });
    await labelsOf(phone, 'province-labels');
    await e2e.screenshot(phone, 'labels-province-phone');
    const phoneCountry = await e2e.open('/', { width: 390, height: 844 });
    const onPhone = await labelsOf(phoneCountry, 'province-labels');
    expect(onPhone.length).toBeGreaterThan(3);
    await e2e.screenshot(phoneCountry, 'labels-country-phone');
    for (const p of [country, zoomed, phone, phoneCountry]) await p.close();
    expect(e2e.errors).toEqual([]);
  });

  it('on hover, the tooltip names the commune, its district and province, criteria met and level as the API has them', async () => {
    const page = await e2e.open('/?province=62&view=107.9,14.6,8.5');
    await mapIdle(page);
    const target = await page.evaluate(() => {
      const map = window.ntm!.map;
      const r = map.getCanvas().getBoundingClientRect();
      const f = map.queryRenderedFeatures([r.width / 2, r.height / 2], { layers: ['communes-fill'] }).find((x) => x.properties.type === 'Xã' && x.properties.province === '62');
      return f ? { code: String(f.properties.code), name: String(f.properties.name), district: String(f.properties.district), x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    });
    expect(target).not.toBeNull();
    const card = (await (await fetch(`${e2e.url}/api/v1/communes/${target!.code}`)).json()) as { district: { name: string }; province: { name: string }; review: { met: number } };
    await page.mouse.move(target!.x - 3, target!.y);
    await page.mouse.move(target!.x, target!.y);
    const tip = page.locator('.ntm-tooltip');
    await expect.poll(() => tip.textContent(), { timeout: 5000 }).toContain(target!.name);
    const text = (await tip.textContent())!;
    expect(text).toContain(`${card.district.name}, ${card.province.name}`);
    expect(text).toContain(`${card.review.met}/19 tiêu chí`);
    expect(text).toMatch(/Chưa đạt chuẩn|Đạt chuẩn NTM|NTM nâng cao|NTM kiểu mẫu/);
    expect(new URL(page.url()).searchParams.get('commune')).toBeNull(); // hovering opens nothing
    await page.close();
  });

  it('on a phone, a tap shows the tooltip inside the screen and a second tap opens the card', async () => {
    // No province chosen: with one, the second tap would choose the district first (scope-filter.ts).
    const page = await e2e.open('/?view=107.9,14.6,8.5', { width: 390, height: 844 }, { touch: true });
    await mapIdle(page);
    const box = (await page.locator('#map').boundingBox())!;
    // Communes near the left and right edges of the map, where a tooltip could spill off the screen.
    const targets = await page.evaluate(() => {
      const map = window.ntm!.map;
      const r = map.getCanvas().getBoundingClientRect();
      const out: Array<{ code: string; x: number; y: number }> = [];
      for (const x of [12, r.width / 2, r.width - 12]) {
        const y = r.height / 3;
        const f = map.queryRenderedFeatures([x, y], { layers: ['communes-fill'] })[0];
        if (f) out.push({ code: String(f.properties.code), x: r.left + x, y: r.top + y });
      }
      return out;
    });
    expect(targets.length).toBeGreaterThan(1);
    for (const target of targets) {
      await page.touchscreen.tap(target.x, target.y);
      const tip = page.locator('.ntm-tooltip');
      await tip.waitFor();
      const tipBox = (await tip.boundingBox())!;
      expect(tipBox.x).toBeGreaterThanOrEqual(0);
      expect(tipBox.x + tipBox.width).toBeLessThanOrEqual(390);
      expect(tipBox.y).toBeGreaterThanOrEqual(box.y - 1);
      expect(new URL(page.url()).searchParams.get('commune')).toBeNull(); // the first tap opens nothing
    }
    const last = targets.at(-1)!;
    await page.waitForTimeout(600); // a second tap this soon would be a double tap (zoom)
    await page.touchscreen.tap(last.x, last.y);
    await page.waitForFunction((code) => new URL(location.href).searchParams.get('commune') === code, last.code);
    await page.waitForSelector('#panel:not([hidden])');
    await page.waitForFunction(() => !window.ntm!.map.isMoving());
    await mapIdle(page);
    await e2e.screenshot(page, 'touch-card-phone');
    await page.close();
    expect(e2e.errors).toEqual([]);
  });
});
