/** @module The periods' schema (GET /api/v1/periods): the months with data, in runs of one era, and the
 * reforms between eras. Apart from the route so that the client's types for it come from here. */
import { z } from '@hono/zod-openapi';

/** A run of months with data under one era. */
export const PeriodRangeSchema = z
  .object({
    from: z.string().openapi({ example: '2021-01' }),
    to: z.string().openapi({ example: '2025-12' }),
    count: z.number().int().openapi({ description: 'Periods with data from `from` to `to`' }),
    criteria_set: z.string().nullable().openapi({ example: '2021-2025', description: 'Code of the criteria set reviews are made against (see /criteria); null when no set applies' }),
    decision: z.string().nullable().openapi({ example: '318/QĐ-TTg' }),
    structure: z.enum(['pre2025', '2025-07']).nullable().openapi({ description: 'The unit structure the run\'s codes are meant in (docs/eras.md)' }),
  })
  .openapi('PeriodRange');

const ReformSchema = z.object({
  date: z.string().openapi({ example: '2025-07-01', description: 'The day it took effect (YYYY-MM-DD)' }),
  first_period: z.string().openapi({ example: '2025-07', description: 'The first month read in it (a month belongs to what is in force on its last day)' }),
  kind: z.enum(['structure', 'criteria_set']),
  code: z.string().openapi({ example: '2025-07' }),
  name_vi: z.string(),
  name_en: z.string(),
  decision: z.string().nullable(),
});

/** The months with data, the latest, and the reforms between eras. */
export const PeriodsSchema = z
  .object({
    periods: z.array(z.string()).openapi({ description: 'Months (YYYY-MM) with review data, oldest first', example: ['2021-01', '2021-02'] }),
    first: z.string().nullable().openapi({ example: '2021-01' }),
    latest: z.string().nullable().openapi({ example: '2025-12', description: 'The default period of the other endpoints; null when there is no data yet' }),
    ranges: z.array(PeriodRangeSchema).openapi({ description: 'The periods grouped into runs of one era (unit structure and criteria set), oldest first' }),
    reforms: z.array(ReformSchema).openapi({ description: 'The changes of unit structure (1/7/2025: sắp xếp đơn vị hành chính) and of criteria set (15/2/2026: 51/2025/QĐ-TTg), oldest first' }),
  })
  .openapi('Periods');

/** The periods as answered. */
export type Periods = z.infer<typeof PeriodsSchema>;

