/** @module The unit structures the seed records (unit_structure rows): the pre-2025 structure of the GSO list of
 * 01/03/2025, and today's since 1/7/2025 (Nghị quyết 202/2025/QH15; communes under the 34 resolutions NQ
 * 1654-1687/NQ-UBTVQH15). A month belongs to the structure in force on its last day: the pre-2025 units until
 * 2025-06, today's from 2025-07 (docs/eras.md). Without today's units the pre-2025 structure stays open. */
import type { Insertable } from 'kysely';
import type { UnitStructureTable } from '../db/schema.ts';
import { BOUNDARY_ATTRIBUTIONS } from '../../scripts/boundary/attribution.ts';


/** The first period of today's structure (in force 1/7/2025). */
export const REFORM_PERIOD = '2025-07';

/** The unit_structure rows: pre-2025 always; today's when its units are seeded. */
export function structureRows(withToday: boolean): Insertable<UnitStructureTable>[] {
  const rows: Insertable<UnitStructureTable>[] = [
    {
      code: 'pre2025',
      name_vi: 'Tỉnh – huyện – xã (trước 1/7/2025)',
      name_en: 'Province – district – commune (before 1 July 2025)',
      valid_from: null,
      valid_to: withToday ? '2025-06' : null,
      in_force_date: null,
      levels: JSON.stringify(['province', 'district', 'commune']),
      decision: null,
      source: 'GSO administrative units list of 01/03/2025 (63 provinces, 696 districts, 10,047 communes)',
      attribution: BOUNDARY_ATTRIBUTIONS.pre2025.vi,
    },
  ];
  if (withToday) {
    rows.push({
      code: '2025-07',
      name_vi: 'Tỉnh – xã (từ 1/7/2025)',
      name_en: 'Province – commune (from 1 July 2025)',
      valid_from: REFORM_PERIOD,
      valid_to: null,
      in_force_date: '2025-07-01',
      levels: JSON.stringify(['province', 'commune']),
      decision: 'Nghị quyết 202/2025/QH15; Nghị quyết 1654-1687/NQ-UBTVQH15; QĐ 19/2025/QĐ-TTg',
      source: 'NSO administrative units list (QĐ 19/2025/QĐ-TTg, with the changes of 30/04/2026): 34 provinces, 3,321 communes',
      attribution: BOUNDARY_ATTRIBUTIONS['2025-07'].vi,
    });
  }
  return rows;
}
