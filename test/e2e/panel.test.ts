// The side panel and the commune card against the real API: a province's summary (levels, criteria met,
// criteria most often missing, targets, planned communes, ranking, downloads), a district chosen from the
// ranking, a period change, the card opened by a click on the map and by a permalink, Escape, a phường,
// English, axe-core, and the phone bottom sheet. Screenshots go to test/screenshots/.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mapIdle, useMapPage } from '../support/e2e.ts';

interface Summary {
  period: string;
  scope: { name: string };
  levels: Record<'chua_dat' | 'dat_chuan' | 'nang_cao' | 'kieu_mau', number>;
  bins: Array<{ label: string; communes: number }>;
  most_missing: Array<{ number: number; name_vi: string; name_en: string; communes_missing: number }>;
  targets: Array<{ id: number; computable: boolean; clause: string | null; target: { value: string }; deadline: string | null; value_now: number | null; source: string }>;
}
interface Plans { communes: Array<{ code: string; name: string; plan: string }> }
interface Ranking { rows: Array<{ code: string; name: string; share: number; delta: number | null }> }
interface Units { units: Array<{ code: string; name: string; type: string; rural: boolean; label: [number, number] }> }
interface Card {
  name: string;
  scored: boolean;
  illustrative: boolean;
  groups: Array<{ criteria: Array<{ number: number; name_vi: string; name_en: string; met: boolean | null }> }>;
  history: Array<{ period: string; met: number }>;
  at_risk: { criteria: number[] } | null;
  recognitions: Array<{ decision: string | null }>;
}

const LEVELS = ['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'] as const;
const number = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

/** Waits until the panel shows a loaded answer (visible, not busy, with a title). */
async function panelLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const panel = document.getElementById('panel')!;
    return !panel.hidden && !panel.hasAttribute('aria-busy') && !!panel.querySelector('.panel-body section, .panel-body .error');
  }, null, { timeout: 30_000 });
}

async function axe(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include('#panel').analyze();
  expect(result.violations.map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

describe('side panel and commune card', () => {
  const e2e = useMapPage();
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${e2e.url}${path}`);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it('stays hidden for the whole country', async () => {
    const page = await e2e.open('/');
    expect(await page.locator('#panel').isHidden()).toBe(true);
    await page.close();
  });

  it("shows Lào Cai's summary, its 22 planned communes and a ranking whose rows choose a district", async () => {
    const page = await e2e.open('/?province=10');
    await panelLoaded(page);
    const summary = await api<Summary>('/api/v1/summary?province=10');
    const panel = page.locator('#panel');
    expect(await panel.locator('h2').textContent()).toBe(summary.scope.name);
    expect(await panel.locator('.panel-sub').allTextContents()).toContain(`tháng ${Number(summary.period.slice(5))}/${summary.period.slice(0, 4)}`);
    for (const level of LEVELS) {
      expect(number(await panel.locator(`[data-section="levels"] li[data-level="${level}"] .count`).textContent()), level).toBe(summary.levels[level]);
    }
    const bins = await panel.locator('[data-section="bins"] li[data-bin]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-bin'), e.querySelector('.count')!.textContent]));
    expect(bins.map(([label, count]) => [label, number(count ?? null)])).toEqual(summary.bins.map((b) => [b.label, b.communes]));
    const missing = await panel.locator('[data-section="missing"] li .name').allTextContents();
    expect(missing).toEqual(summary.most_missing.filter((m) => m.communes_missing > 0).map((m) => `${m.number}. ${m.name_vi}`));
    // Targets: every computable one as a bar with its status; the others listed with the reason.
    expect(await panel.locator('[data-section="targets"] ul.targets > li').count()).toBe(summary.targets.filter((x) => x.computable).length);
    expect(await panel.locator('[data-section="targets"] .not-computable li').count()).toBe(summary.targets.filter((x) => !x.computable).length);
    expect(await panel.locator('[data-section="targets"] ul.targets > li .status').first().textContent()).toMatch(/Đã đạt|Không đạt|Đúng tiến độ|Chậm tiến độ|Chưa đánh giá được/);
    // Each bar says the target as written, its deadline, the value now and its source, as the API has them.
    const bars = await panel.locator('[data-section="targets"] ul.targets > li').allTextContents();
    summary.targets.filter((x) => x.computable).forEach((x, i) => {
      expect(bars[i]).toContain(`Mục tiêu: “${x.clause ?? x.target.value}”`);
      if (x.deadline) expect(bars[i]).toContain(`hạn ${x.deadline.slice(8, 10)}/${x.deadline.slice(5, 7)}/${x.deadline.slice(0, 4)}`);
      if (x.value_now !== null) expect(bars[i]).toContain('Hiện nay: ');
      // The source's description (a document file name before " — " is left out; long ones cut at 87 letters).
      expect(bars[i]).toContain(`Nguồn: ${x.source.replace(/^documents\/\S+ — /, '').slice(0, 60)}`);
    });
    // The planned communes of Kế hoạch 104/KH-BCĐ, each with its due half-year, criteria and status.
    const plans = await api<Plans>('/api/v1/plans?province=10');
    expect(plans.communes).toHaveLength(22);
    const rows = panel.locator('[data-section="plans"] li[data-code]');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(plans.communes.map((c) => c.code));
    expect(await panel.locator('[data-section="plans"]').textContent()).toContain('Kế hoạch 104/KH-BCĐ');
    expect(await rows.first().locator('.chip').textContent()).toMatch(/Đã đạt|Đúng tiến độ|Chậm/);
    // Downloads for the scope and period.
    const hrefs = await panel.locator('[data-section="downloads"] a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(hrefs).toEqual([
      `/api/v1/export.csv?province=10&period=${summary.period}&lang=vi`,
      `/api/v1/export.xlsx?province=10&period=${summary.period}&lang=vi`,
      '/api/v1/boundaries/10.topojson',
    ]);
    for (const href of hrefs) expect((await fetch(`${e2e.url}${href}`)).status, href!).toBe(200);
    expect(await panel.locator('.badge-illustrative').count()).toBeGreaterThan(0);
    await axe(page, 'province');
    await e2e.screenshot(page, 'panel-province-desktop');

    // The ranking: each district's share at the standard and its change over 12 months, as the API has them.
    const ranking = await api<Ranking>('/api/v1/rankings?province=10');
    const pct = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });
    const pts = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    for (const row of ranking.rows) {
      const tr = panel.locator(`[data-section="ranking"] tr[data-code="${row.code}"]`);
      expect(await tr.locator('td.share').textContent(), row.name).toBe(pct.format(row.share));
      expect(await tr.locator('td.delta').textContent(), row.name).toBe(row.delta === null ? '–' : `${pts.format(row.delta * 100)} điểm %`);
    }
    // A click on a ranking row (not only its button) chooses that district.
    const pick = ranking.rows[1]!;
    await panel.locator(`[data-section="ranking"] tr[data-code="${pick.code}"] td.share`).click();
    await page.waitForFunction((code) => new URLSearchParams(location.search).get('district') === code, pick.code);
    await page.waitForFunction((name) => document.querySelector('#panel h2')?.textContent === name, pick.name);
    await panelLoaded(page);
    const district = await api<Summary>(`/api/v1/summary?district=${pick.code}`);
    for (const level of LEVELS) expect(number(await panel.locator(`li[data-level="${level}"] .count`).textContent())).toBe(district.levels[level]);
    expect(await panel.locator(`[data-section="ranking"] tr[data-code="${pick.code}"]`).getAttribute('aria-current')).toBe('true');
    expect(await panel.locator('[data-section="downloads"] a[data-format="csv"]').getAttribute('href')).toContain(`district=${pick.code}`);
    expect(await page.evaluate(() => document.getElementById('panel')!.contains(document.activeElement))).toBe(true);
    await page.close();
  });

  it('refreshes when the period changes', async () => {
    const page = await e2e.open('/?province=10');
    await panelLoaded(page);
    await page.evaluate(() => window.ntm!.app.store.set({ period: '2023-06' }));
    await page.waitForFunction(() => [...document.querySelectorAll('#panel .panel-sub')].some((p) => p.textContent === 'tháng 6/2023'));
    await panelLoaded(page);
    const summary = await api<Summary>('/api/v1/summary?province=10&period=2023-06');
    for (const level of LEVELS) expect(number(await page.locator(`#panel li[data-level="${level}"] .count`).textContent())).toBe(summary.levels[level]);
    expect(await page.locator('#panel a[data-format="xlsx"]').getAttribute('href')).toContain('period=2023-06');
    // Two changes in a row: the latest wins, whatever order the answers arrive in.
    await page.evaluate(() => {
      window.ntm!.app.store.set({ period: '2021-03' });
      window.ntm!.app.store.set({ period: '2024-09' });
    });
    await page.waitForFunction(() => [...document.querySelectorAll('#panel .panel-sub')].some((p) => p.textContent === 'tháng 9/2024'));
    await panelLoaded(page);
    await page.waitForTimeout(500);
    expect(await page.locator('#panel .panel-sub').allTextContents()).toContain('tháng 9/2024');
    const latest = await api<Summary>('/api/v1/summary?province=10&period=2024-09');
    for (const level of LEVELS) expect(number(await page.locator(`#panel li[data-level="${level}"] .count`).textContent())).toBe(latest.levels[level]);
    await page.close();
  });

  it('opens the card of a commune clicked on the map, matching the API, and closes it with Escape', async () => {
    const units = await api<Units>('/api/v1/units?parent=087');
    const commune = units.units.find((u) => u.code === '02971') ?? units.units.find((u) => u.rural)!;
    const [lon, lat] = commune.label;
    const page = await e2e.open(`/?view=${lon},${lat},11`);
    await mapIdle(page);
    const point = await page.evaluate(([x, y]) => window.ntm!.map.project([x!, y!]), [lon, lat]);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await page.waitForFunction((code) => new URLSearchParams(location.search).get('commune') === code, commune.code);
    await panelLoaded(page);
    const card = await api<Card>(`/api/v1/communes/${commune.code}`);
    const panel = page.locator('#panel');
    expect(await panel.locator('h2').textContent()).toBe(card.name);
    // Focus moved into the card.
    expect(await page.evaluate(() => document.getElementById('panel')!.contains(document.activeElement))).toBe(true);
    // The 19 criteria, met or not as the API says, with a word beside the icon.
    const criteria = card.groups.flatMap((g) => g.criteria);
    expect(criteria).toHaveLength(19);
    const shown = await panel.locator('li[data-criterion]').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-criterion')), e.getAttribute('data-met'), e.querySelector('.crit-status-text')!.textContent]));
    expect(shown).toEqual(criteria.map((c) => [c.number, String(c.met), c.met ? 'Đạt' : 'Chưa đạt']));
    // One chart point per month of history.
    expect(card.history.length).toBeGreaterThan(12);
    expect(await panel.locator('svg.history-chart circle.point').count()).toBe(card.history.length);
    expect(await panel.locator('svg.history-chart circle.point.selected').count()).toBe(1);
    expect(card.illustrative).toBe(true);
    expect(await panel.locator('.badge-illustrative').count()).toBeGreaterThan(0);
    expect(await panel.locator('[data-section="illustrative"]').textContent()).toMatch(/minh họa/i);
    // A recognised commune failing criteria now is warned about, naming them and Quyết định 18/2022/QĐ-TTg.
    expect(await panel.locator('[data-section="at-risk"]').count()).toBe(card.at_risk ? 1 : 0);
    if (card.at_risk) {
      const warning = await panel.locator('[data-section="at-risk"]').textContent();
      expect(warning).toContain('18/2022/QĐ-TTg');
      for (const n of card.at_risk.criteria) expect(warning).toContain(criteria.find((c) => c.number === n)!.name_vi);
    }
    // The selected commune is outlined on the map.
    await page.waitForFunction((code) => window.ntm!.map.queryRenderedFeatures({ layers: ['panel-selected-commune'] }).some((f) => String(f.properties.code) === code), commune.code);
    await axe(page, 'card');
    await e2e.screenshot(page, 'card-desktop');

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('commune'));
    await page.waitForFunction(() => document.getElementById('panel')!.hidden);
    await page.waitForFunction(() => window.ntm!.map.queryRenderedFeatures({ layers: ['panel-selected-commune'] }).length === 0);
    await page.close();
  });

  it("opens Hà Mòn's card from a permalink, with its recognition decision 06/QĐ-BCĐ, the review's source and the targets in words", async () => {
    const page = await e2e.open('/?commune=23521');
    await panelLoaded(page);
    const panel = page.locator('#panel');
    expect(await panel.locator('h2').textContent()).toBe('Xã Hà Mòn');
    expect(await panel.locator('.panel-sub').first().textContent()).toContain('Huyện Đắk Hà');
    expect(await panel.locator('[data-section="recognitions"]').textContent()).toContain('06/QĐ-BCĐ');
    // Where the met / not met comes from: the review's month, the day it was recorded and its source.
    expect(await panel.locator('[data-section="review-source"]').textContent()).toMatch(/^Đánh giá tháng \d+\/\d{4}, ghi ngày \d{2}\/\d{2}\/\d{4} · số liệu minh họa do dự án tạo ra \(illustrative generator/);
    // The targets that apply, in words (no data key as written), each with its source.
    const metrics = await panel.locator('[data-section="targets"] .metric').allTextContents();
    expect(metrics.length).toBeGreaterThan(3);
    for (const m of metrics) expect(m).not.toMatch(/_|\b(communes|share|target)\b/);
    expect(metrics).toContain('Tỷ lệ xã đạt chuẩn NTM (2025)');
    const card = await api<Card>('/api/v1/communes/23521');
    expect(await panel.locator('svg.history-chart circle.point').count()).toBe(card.history.length);
    // The close button works too, and Escape from the page (focus not in the panel).
    await panel.locator('button.close').click();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('commune'));
    await page.goBack();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('commune') === '23521');
    await panelLoaded(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('commune'));
    await page.close();
  });

  it('shows a phường as not scored', async () => {
    const page = await e2e.open('/?commune=00001');
    await panelLoaded(page);
    const panel = page.locator('#panel');
    expect(await panel.locator('h2').textContent()).toBe('Phường Phúc Xá');
    expect(await panel.locator('[data-section="not-scored"]').textContent()).toContain('Không xét tiêu chí');
    expect(await panel.locator('li[data-criterion]').count()).toBe(0);
    await page.close();
  });

  it('speaks English with lang=en', async () => {
    const page = await e2e.open('/?province=10&lang=en');
    await panelLoaded(page);
    const summary = await api<Summary>('/api/v1/summary?province=10');
    const panel = page.locator('#panel');
    expect(await panel.locator('[data-section="levels"] h3').textContent()).toMatch(/^Recognition level/);
    expect(await panel.locator('.panel-sub').allTextContents()).toContain(new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${summary.period}-01T00:00:00Z`)));
    expect(await panel.locator('[data-section="missing"] li .name').allTextContents()).toEqual(summary.most_missing.filter((m) => m.communes_missing > 0).map((m) => `${m.number}. ${m.name_en}`));
    expect(await panel.locator('[data-section="downloads"] a[data-format="csv"]').getAttribute('href')).toContain('lang=en');
    expect(await panel.locator('.badge-illustrative').first().textContent()).toBe('Illustrative');
    await axe(page, 'province en');
    await e2e.screenshot(page, 'panel-province-desktop-en');

    await page.goto(`${e2e.url}/?commune=23521&lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await panelLoaded(page);
    expect(await panel.locator('[data-section="criteria"] h3').textContent()).toMatch(/^Criteria/);
    expect(await panel.locator('li[data-criterion="1"] .crit-status-text').textContent()).toBe('Met');
    expect(await panel.locator('li[data-criterion="1"] .crit-name').textContent()).toBe('1. Planning');
    expect(await panel.locator('button.close').getAttribute('aria-label')).toBe('Close the commune card');
    await page.goto(`${e2e.url}/?commune=00001&lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await panelLoaded(page);
    expect(await panel.locator('[data-section="not-scored"]').textContent()).toContain('Not scored');
    await page.close();
  });

  it('is a bottom sheet on a 390×844 phone, at most 45 % high, with the close button in reach', async () => {
    const phone = { width: 390, height: 844 };
    const page = await e2e.open('/?province=10', phone);
    await panelLoaded(page);
    const sheet = (await page.locator('#panel').boundingBox())!;
    expect(sheet.height).toBeLessThanOrEqual(phone.height * 0.45 + 1);
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(phone.height + 1);
    expect(sheet.width).toBeGreaterThan(380);
    // The open sheet takes the legend's place; collapsed, it leaves the legend room just above it.
    expect(await page.locator('#legend').isVisible()).toBe(false);
    await e2e.screenshot(page, 'panel-province-phone');
    await axe(page, 'phone sheet');
    await page.locator('#panel button.collapse').click();
    expect(await page.locator('#panel button.collapse').getAttribute('aria-expanded')).toBe('false');
    const peek = (await page.locator('#panel').boundingBox())!;
    expect(peek.height).toBeLessThan(100);
    await page.waitForFunction(() => !!document.getElementById('legend')?.getBoundingClientRect().height);
    const legend = (await page.locator('#legend').boundingBox())!;
    expect(legend.y + legend.height).toBeLessThanOrEqual(peek.y + 1);
    await e2e.screenshot(page, 'panel-province-phone-collapsed');
    await page.locator('#panel button.collapse').click();
    expect(await page.locator('#panel button.collapse').getAttribute('aria-expanded')).toBe('true');
    // Scrolled to the plans, the header stays in view.
    await page.locator('#panel [data-section="plans"]').scrollIntoViewIfNeeded();
    const headAfterScroll = (await page.locator('#panel .panel-head').boundingBox())!;
    expect(headAfterScroll.y).toBeGreaterThanOrEqual(sheet.y - 1);
    await e2e.screenshot(page, 'panel-province-phone-plans');
    await page.close();

    const cardPage = await e2e.open('/?commune=02971', phone);
    await panelLoaded(cardPage);
    const cardSheet = (await cardPage.locator('#panel').boundingBox())!;
    expect(cardSheet.height).toBeLessThanOrEqual(phone.height * 0.45 + 1);
    await cardPage.locator('#panel [data-section="history"]').scrollIntoViewIfNeeded();
    const close = (await cardPage.locator('#panel button.close').boundingBox())!;
    expect(close.y).toBeGreaterThanOrEqual(cardSheet.y - 1);
    expect(close.y + close.height).toBeLessThanOrEqual(phone.height);
    await e2e.screenshot(cardPage, 'card-phone');
    await cardPage.locator('#panel button.close').click();
    await cardPage.waitForFunction(() => !new URLSearchParams(location.search).has('commune'));
    await cardPage.close();
    expect(e2e.errors).toEqual([]);
  });
});
