// The map page's own layers and views: every colour mode against the API, the special-difficulty hatch
// and "only special-difficulty" toggles (kept in the URL), the table view, axe-core on the main states,
// and the phone layout.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classOf, legendRows, mapIdle, renderedCommunes, useMapPage } from '../support/e2e.ts';

interface ApiStatus { communes: Array<{ code: string; met: number; level: string; special: boolean; value?: number }> }

async function renderedStates(page: Page) {
  return (await renderedCommunes(page)).filter((c) => c.type === 'Xã').map((c) => ({ code: c.code, state: { special: c.special } }));
}

describe('map page', () => {
  const e2e = useMapPage();
  const api = async (path: string) => (await (await fetch(`${e2e.url}${path}`)).json()) as ApiStatus;

  it('colours communes in every mode from the API, with a matching legend', async () => {
    const page = await e2e.open('/?view=107.9,14.6,8');
    const cases: Array<[string, string, 'level' | 'met' | 'criterion' | 'group']> = [
      ['/?view=107.9,14.6,8', '/api/v1/status', 'level'],
      ['/?mode=met&view=107.9,14.6,8', '/api/v1/status', 'met'],
      ['/?mode=criterion&criterion=5&view=107.9,14.6,8', '/api/v1/status?criterion=5', 'criterion'],
      ['/?mode=group&group=2&view=107.9,14.6,8', '/api/v1/status?group=2', 'group'],
    ];
    const titles = new Set<string>();
    for (const [path, statusPath, mode] of cases) {
      await page.goto(`${e2e.url}${path}`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      await mapIdle(page);
      const byCode = new Map((await api(statusPath)).communes.map((c) => [c.code, c]));
      const legend = await legendRows(page);
      const drawn = (await renderedCommunes(page)).filter((c) => c.type === 'Xã' && byCode.has(c.code));
      expect(drawn.length).toBeGreaterThan(50);
      // Each commune is drawn in the legend colour of the class its API status falls in.
      for (const c of drawn) expect(c.rgb, `${path} ${c.code}`).toBe(legend.get(classOf(mode, byCode.get(c.code)!))!.rgb);
      expect((await renderedCommunes(page)).find((c) => c.type !== 'Xã')?.rgb).toBe(legend.get('not_scored')!.rgb);
      titles.add((await page.locator('#legend h2').textContent())!);
      const counts = [...legend.values()].map((r) => r.count);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(10047);
    }
    expect(titles.size).toBe(4);
    expect(e2e.errors).toEqual([]);
  });

  it('hatches special-difficulty communes and can grey out the others, kept in the URL', async () => {
    const page = await e2e.open('/?view=107.9,14.6,8');
    const byCode = new Map((await api('/api/v1/status')).communes.map((c) => [c.code, c]));
    for (const s of await renderedStates(page)) expect(s.state.special).toBe(byCode.get(s.code)!.special);
    const legendCount = Number((await page.locator('#legend li[data-class="special"] .count').textContent())!.replace(/\D/g, ''));
    expect(legendCount).toBe([...byCode.values()].filter((c) => c.special).length);
    const visibility = () => page.evaluate(() => ['special-hatch', 'others-grey'].map((id) => window.ntm!.map.getLayoutProperty(id, 'visibility') ?? 'visible'));
    expect(await visibility()).toEqual(['visible', 'none']);
    await page.click('#toggle-only');
    await page.waitForFunction(() => location.search.includes('only=special'));
    expect(await visibility()).toEqual(['visible', 'visible']);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    expect(await page.locator('#toggle-only').isChecked()).toBe(true);
    expect(await visibility()).toEqual(['visible', 'visible']);
    await page.click('#toggle-only');
    await page.click('#toggle-hatch');
    await page.waitForFunction(() => location.search.includes('special=0'));
    expect(await visibility()).toEqual(['none', 'none']);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('special=0'));
    expect(await visibility()).toEqual(['visible', 'none']);
  });

  it('lists the communes in view in a sortable table, keyboard-operable, whose names open the card', async () => {
    const page = await e2e.open('/?view=107.95,14.35,10');
    await page.focus('#open-table');
    await page.keyboard.press('Enter');
    await page.locator('#table-view tbody tr').first().waitFor();
    const rendered = await page.evaluate(() => new Set(window.ntm!.map.queryRenderedFeatures({ layers: ['communes-fill'] }).map((f) => String(f.properties.code))).size);
    expect(await page.locator('#table-view tbody tr').count()).toBe(Math.min(500, rendered));
    const headers = await page.locator('#table-view thead th').allTextContents();
    expect(headers.map((h) => h.replace(/ [▲▼]$/, ''))).toEqual(['Tên', 'Huyện', 'Mã', 'Tiêu chí đạt', 'Mức', 'ĐBKK', 'Nguồn số liệu']);
    // Every row names its district (same names recur across districts).
    expect((await page.locator('#table-view tbody tr td:nth-child(2)').allTextContents()).every((d) => /^(Huyện|Thành phố|Thị xã|Quận) /.test(d))).toBe(true);
    const metHeader = page.locator('#table-view thead th').nth(3);
    await metHeader.locator('button').click();
    expect(await metHeader.getAttribute('aria-sort')).toBe('ascending');
    await metHeader.locator('button').click();
    expect(await metHeader.getAttribute('aria-sort')).toBe('descending');
    const firstCode = await page.locator('#table-view tbody tr').first().getAttribute('data-code');
    const status = (await api('/api/v1/status')).communes.find((c) => c.code === firstCode);
    const max = Math.max(...(await page.locator('#table-view tbody tr td:nth-child(4)').allTextContents()).map(Number).filter(Number.isFinite));
    expect(status?.met).toBe(max);
    await page.keyboard.press('Escape');
    expect(await page.locator('#table-view').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-table');

    // One criterion on the map: its figure in a column of its own, as the API has it.
    await page.selectOption('#mode', 'criterion');
    await page.waitForFunction(() => /criterion/.test(location.search));
    await mapIdle(page);
    await page.click('#open-table');
    await page.locator('#table-view tbody tr').first().waitFor();
    expect(await page.locator('#table-view thead th').nth(4).textContent()).toMatch(/^Tiêu chí 1/);
    const byCode = new Map((await api('/api/v1/status?criterion=1')).communes.map((c) => [c.code, c]));
    const figures = await page.locator('#table-view tbody tr').evaluateAll((rows) => rows.slice(0, 40).map((r) => [r.getAttribute('data-code'), r.querySelector('td:nth-child(5)')!.textContent]));
    for (const [code, text] of figures) if (byCode.has(code!)) expect(text, code!).toBe(byCode.get(code!)!.value === 1 ? 'Đạt' : 'Chưa đạt');
    // Enter on a name opens that commune's card, and the table gives way to it.
    const row = page.locator('#table-view tbody tr').first();
    const code = await row.getAttribute('data-code');
    await row.locator('button.open-card').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((c) => new URLSearchParams(location.search).get('commune') === c, code);
    expect(await page.locator('#table-view').isHidden()).toBe(true);
    await page.waitForSelector('#panel:not([hidden]) li[data-criterion]');
  });

  it('has no axe-core violations on the main states', async () => {
    for (const path of ['/', '/?mode=met&lang=en', '/?only=special']) {
      const page = await e2e.open(path);
      const result = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
      expect(result.violations.map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
      await page.close();
    }
    const page = await e2e.open('/');
    await page.click('#open-table');
    const withTable = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
    expect(withTable.violations.map((v) => `table: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
  });

  it('downloads a PNG of the map with a title band above and the source below', async () => {
    const page = await e2e.open('/?view=107.9,14.6,7');
    const canvas = await page.evaluate(() => ({ w: window.ntm!.map.getCanvas().width, h: window.ntm!.map.getCanvas().height }));
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-png')]);
    expect(file.suggestedFilename()).toMatch(/^ntm-\d{4}-\d{2}\.png$/);
    const bytes = readFileSync((await file.path())!);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect(width).toBe(canvas.w);
    expect(height).toBeGreaterThan(canvas.h + 100); // title band and footer lines
    expect(bytes.length).toBeGreaterThan(20_000);
  });

  it('switches every part of the page to English at once, landmarks included', async () => {
    const page = await e2e.open('/');
    await page.click('#lang-switch');
    await page.waitForFunction(() => location.search.includes('lang=en'));
    await page.waitForFunction(() => document.querySelector('#legend h2')?.textContent === 'New rural development level');
    expect(await page.locator('label[for="mode"]').textContent()).toContain('Colour by');
    expect(await page.locator('#status').textContent()).toMatch(/communes assessed/);
    expect(await page.locator('nav#controls').getAttribute('aria-label')).toBe('Map controls');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('header h1').textContent()).toBe('New rural development map · NTM Map');
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Boundaries: GSO');
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).not.toContain('Ranh giới');
  });

  it('fits a 390×844 phone: legend and header inside the screen, the legend foldable', async () => {
    const page = await e2e.open('/', { width: 390, height: 844 });
    await e2e.screenshot(page, 'map-phone');
    const box = await page.locator('#legend').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    // The reader can fold the legend to its title to give the map room; it stays folded when the map redraws.
    await page.click('#legend summary:has(h2)');
    const folded = await page.locator('#legend').boundingBox();
    expect(folded!.height).toBeLessThan(box!.height / 3);
    await page.selectOption('#mode', 'met');
    await page.waitForFunction(() => document.querySelector('#legend h2')?.textContent === 'Số tiêu chí đạt (trên 19)');
    expect((await page.locator('#legend').boundingBox())!.height).toBeLessThan(box!.height / 3);
    await e2e.screenshot(page, 'map-phone-legend-folded');
    await page.click('#legend summary:has(h2)');
    expect(await page.locator('#legend li[data-class="b19"]').isVisible()).toBe(true);
    const phoneAxe = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
    expect(phoneAxe.violations.map((v) => `phone: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
    const desktop = await e2e.open('/');
    await e2e.screenshot(desktop, 'map-desktop');
  });
});
