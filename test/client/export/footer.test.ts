// The lines under a PNG of the map (the map page's and the widget's): sources, month, day made and link,
// and the illustrative notice only when a figure is illustrative; in the reader's language.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pngFooter } from '../../../client/export/footer.ts';
import { setLang } from '../../../client/i18n/i18n.ts';

describe('PNG footer', () => {
  // setLang also sets <html lang>: a bare element stands in for the page (the test runs in Node).
  beforeAll(() => vi.stubGlobal('document', { documentElement: { lang: 'vi' } }));
  afterEach(() => setLang('vi'));
  const made = new Date(Date.UTC(2026, 11, 7, 12));

  it('names the sources, the month, the day and the link, in Vietnamese by default', () => {
    const lines = pngFooter('2025-06', 'https://ntm.example/?province=62', false, made);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Nguồn: .*GSO.*318\/QĐ-TTg/);
    expect(lines[1]).toBe('Số liệu tháng 6/2025 · tạo ngày 7/12/2026 · https://ntm.example/?province=62');
  });

  it('names today\'s boundaries and the 2026-2030 decision for a month of today\'s units', () => {
    const lines = pngFooter('2026-06', 'u', false, made, { structure: '2025-07', decision: '51/2025/QĐ-TTg' });
    expect(lines[0]).toMatch(/^Nguồn: .*sapnhap\.bando\.com\.vn.*51\/2025\/QĐ-TTg$/);
    expect(lines[0]).not.toMatch(/318|censusVN2009/);
    expect(pngFooter('2025-06', 'u', false, made, { structure: 'pre2025', decision: '318/QĐ-TTg' })[0]).toMatch(/GSO.*318\/QĐ-TTg/);
  });

  it('says the figures are illustrative when any is', () => {
    expect(pngFooter('2025-06', 'u', true, made)[2]).toMatch(/minh họa/);
    setLang('en');
    const lines = pngFooter('2025-06', 'u', true, made);
    expect(lines[1]).toBe('Data June 2025 · made 07/12/2026 · u');
    expect(lines[2]).toMatch(/^Illustrative figures/);
  });
});
