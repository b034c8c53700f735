// The Vietnamese of the reasons a target cannot be measured or judged: every sentence that interpret.ts and
// progress.ts write has its translation, with the figures carried over and dates written the Vietnamese way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../server/config/paths.ts';
import { reasonVi } from '../../../server/target/reasons-vi.ts';

describe('reasonVi', () => {
  it('translates the reasons with their figures', () => {
    expect(reasonVi('no data at 2024-06')).toBe('không có số liệu tháng 6/2024');
    expect(reasonVi('the deadline (2020-12-31) is before the first period with data (2021-01)')).toBe('thời hạn (31/12/2020) trước tháng đầu tiên có số liệu (tháng 1/2021)');
    expect(reasonVi("the target's year (2025) starts after 2024-06")).toBe('năm của chỉ tiêu (2025) bắt đầu sau tháng 6/2024');
    expect(reasonVi('no number can be read from the value "xem phụ lục"')).toBe('không đọc được con số nào từ giá trị “xem phụ lục”');
    expect(reasonVi(null)).toBeNull();
  });

  it('knows every reason the target modules write (an unknown one would stay in English)', () => {
    // Each literal reason in the sources, with `${…}` figures replaced by a sample value.
    const sources = ['interpret.ts', 'progress.ts'].map((f) => readFileSync(join(ROOT, 'server', 'target', f), 'utf8')).join('\n');
    const literals = [
      ...[...sources.matchAll(/reason: `([^`]+)`/g)].map((m) => m[1]!),
      ...[...sources.matchAll(/(?:reason|none\(|on_track_reason =) ?'((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]!.replace(/\\'/g, "'")),
      ...[...sources.matchAll(/on_track_reason = `([^`]+)`/g)].map((m) => m[1]!),
      ...[...sources.matchAll(/\[\/[^\]]*\/, '((?:[^'\\]|\\.)+)'\]/g)].map((m) => m[1]!.replace(/\\'/g, "'")),
    ].map((r) => r.replace(/\$\{[^}]*(?:year|Year)[^}]*\}/g, '2025').replace(/\$\{[^}]*deadline[^}]*\}/g, '2025-12-31').replace(/\$\{[^}]*value[^}]*\}/g, 'x').replace(/\$\{[^}]*\}/g, '2024-06'));
    const reasons = [...new Set(literals)].filter((r) => /^[a-z]/.test(r));
    expect(reasons.length).toBeGreaterThan(15);
    for (const r of reasons) expect(reasonVi(r), r).not.toBe(r);
    expect(sources).toContain('NO_RULE');
    expect(reasonVi('no rule maps this metric to the commune statuses')).not.toMatch(/rule/);
  });
});
