// What the server resolved for the widget (server/embed/page.ts writes it into the page as a JSON data
// block): the archive URL, the period, the scope with its names and bbox, the data date. Without it (the
// page served as a plain file) the widget asks the API for the archive and shows the country.
import { readJsonBlock } from '../api/boot.ts';
import type { Level, StructureCode } from '../api/answers.ts';

export interface EmbedBoot {
  /** The archive the widget draws: the period's structure's. */
  tiles: string;
  /** The archive of each unit structure. */
  archives: { pre2025: string; '2025-07': string };
  periods: [string, string] | null;
  period: string | null;
  province: string | null;
  district: string | null;
  commune: string | null;
  scopeName: string | null;
  communeName: string | null;
  bbox: [number, number, number, number] | null;
  dataDate: string | null;
  /** The criteria set of the period (its count, levels and decision), so that the legend needs no catalogue. */
  set: { code: string; criteria_count: number; levels: Array<Exclude<Level, 'chua_dat'>>; decision: string } | null;
  /** The unit structure of the period. */
  structure: StructureCode;
  /** A unit the link named in the other structure, and what it is shown as (the notice). */
  moved: { from: { code: string; name: string }; to: Array<{ code: string; name: string }>; forward: boolean } | null;
}

export const readBoot = (): EmbedBoot | null => readJsonBlock<EmbedBoot>('ntm-embed-boot');
