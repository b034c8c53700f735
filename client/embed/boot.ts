// What the server resolved for the widget (server/embed/page.ts writes it into the page as a JSON data
// block): the archive URL, the period, the scope with its names and bbox, the data date. Without it (the
// page served as a plain file) the widget asks the API for the archive and shows the country.
import { readJsonBlock } from '../api/boot.ts';

export interface EmbedBoot {
  /** The archive the widget draws (the pre-2025 structure for now). */
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
}

export const readBoot = (): EmbedBoot | null => readJsonBlock<EmbedBoot>('ntm-embed-boot');
