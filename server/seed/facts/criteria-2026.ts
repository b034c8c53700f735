/** @module criteria.json → `later_sets`: the national criteria sets that followed 2021-2025, as far as a
 * readable source gives them. For 2026-2030 (Quyết định 51/2025/QĐ-TTg of 29/12/2025, in force 15/02/2026)
 * that is the ten criteria by name and number, the levels (xã đạt chuẩn NTM; xã NTM hiện đại, a pilot) and the
 * three commune groups — and not the 47 indicators: no stored source lists them, so every criterion says
 * `indicators_complete = false` and the set's notes say why. Nothing here is invented to fill that gap. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecognitionLevel } from '../../db/schema.ts';
import type { CriteriaCatalogue } from './criteria.ts';
import { NO_GROUP } from '../../criterion/catalogue.ts';
import { factsError } from './csv.ts';

/** English names of the ten 2026-2030 criteria, in their numbered order (the project's translation). */
const NAMES_EN_2026 = [
  'Planning',
  'Socio-economic infrastructure',
  'Rural economic development',
  'Rural human-resource training',
  'Culture, education and health',
  'Poverty reduction and social security',
  'Science, technology and digital transformation',
  'Rural environment and landscape',
  'Political system and public administration',
  'Access to law, security and defence',
];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' });
const httpUrl = z.string().regex(/^https?:\/\/\S+$/, { error: 'expected an http(s) URL' });

const LaterSet = z.looseObject({
  period: z.string().regex(/^\d{4}-\d{4}$/, { error: 'expected a period like 2026-2030' }),
  decision: z.string().min(1),
  date: isoDate,
  in_force: isoDate,
  criteria_count: z.number().int().positive(),
  indicator_count: z.number().int().positive(),
  criteria_vi: z.array(z.string().min(1)),
  commune_groups: z.record(z.string(), z.string()),
  levels: z.looseObject({ dat_chuan: z.string(), hien_dai: z.string() }),
  sources: z.array(httpUrl).min(1),
  indicators: z.string().min(1),
});

/** Every later set of criteria.json as catalogue rows (2026-2030: ten criteria, no groups, no indicators). */
export function loadLaterSets(dir: string): CriteriaCatalogue[] {
  const file = 'criteria.json';
  const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { later_sets?: unknown };
  const parsed = z.array(LaterSet).safeParse(raw.later_sets ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw factsError({ file, line: null, column: `later_sets.${issue.path.join('.')}` }, issue.message);
  }
  return parsed.data.map((set, i) => {
    if (set.criteria_vi.length !== set.criteria_count) {
      throw factsError({ file, line: null, column: `later_sets[${i}].criteria_vi` }, `lists ${set.criteria_vi.length} criteria, criteria_count says ${set.criteria_count}`);
    }
    if (set.criteria_count !== NAMES_EN_2026.length) {
      throw factsError({ file, line: null, column: `later_sets[${i}].criteria_count` }, `the project has English names for ${NAMES_EN_2026.length} criteria (2026-2030), the set has ${set.criteria_count}`);
    }
    const levels: RecognitionLevel[] = ['dat_chuan', 'hien_dai'];
    const { period, decision, date, in_force, sources, criteria_vi: _names, ...known } = set;
    return {
      set: {
        code: period,
        name_vi: `Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn ${period}`,
        name_en: `National criteria for new-rural communes ${period}`,
        decision,
        decision_date: date,
        // A month belongs to the set in force on its last day: 15/02/2026 → from 2026-02 (docs/eras.md).
        valid_from: in_force.slice(0, 7),
        valid_to: null,
        unit_structure: '2025-07',
        criteria_count: set.criteria_count,
        source_url: sources[0]!,
        notes: JSON.stringify({ ...known, sources, indicators_complete: false }),
        levels: JSON.stringify(levels),
        in_force_date: in_force,
      },
      groups: [],
      criteria: set.criteria_vi.map((name, j) => ({
        set_code: period,
        number: j + 1,
        code: `TC${String(j + 1).padStart(2, '0')}`,
        name_vi: name,
        name_en: NAMES_EN_2026[j]!,
        group_number: NO_GROUP,
        indicators_complete: 0,
        sources: JSON.stringify(sources),
      })),
      indicators: [],
    };
  });
}
