/** @module The status table of a province or a district at a period, built once for both export formats: one row
 * per rural commune (criteria met, each criterion, level in force, special-difficulty listing, provenance
 * and source of every figure), the title, the illustrative-data warning, the attribution and the cited sources. */
import type { Era } from '../era/era.ts';
import type { UnitStructure } from '../db/schema.ts';
import { createHash } from 'node:crypto';
import type { ApiContext } from '../context/context.ts';
import type { Scope } from '../scope/scope.ts';
import { isMet } from '../criterion/mask.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import type { Period } from '../period/period.ts';
import type { ListingRecord, RecognitionRecord } from '../recognition/standing.ts';
import {
  attributionOf,
  criterionHeader,
  HEADERS,
  LEADING_COLUMNS,
  LEVEL_LABELS,
  PROVENANCE_LABELS,
  titleOf,
  TRAILING_COLUMNS,
  warningOf,
  WORDS,
  YES_NO,
  type FixedColumn,
  type Lang,
  type TextsInput,
} from './texts.ts';

/** A cell of the table: text, a number, or empty. */
export type Cell = string | number | null;
/** What a column holds, which decides how each format writes it (codes as text, counts as numbers, …). */
export type ColumnKind = 'code' | 'text' | 'count' | 'flag' | 'provenance' | 'source';

/** A column: its key, header in the table's language and kind. */
export interface ExportColumn {
  /** Stable key: `province_code` … `criteria_met`, `c1` … `c19`, `level` … `review_source`. */
  key: string;
  header: string;
  kind: ColumnKind;
}

/** A source cited by a row, listed once on the sources sheet. */
export interface CitedSource {
  /** What the source is cited for, e.g. "Quyết định công nhận: 365/QĐ-UBND; 366/QĐ-UBND". */
  label: string;
  /** A URL, or the generator's name for illustrative figures. */
  source: string;
}

/** How many figures of the table are official and how many illustrative. */
export interface ProvenanceCount {
  official: number;
  illustrative: number;
}

/** The status table as both formats write it: title, warning, attribution, columns, rows, provenance and sources. */
export interface ExportTable {
  lang: Lang;
  period: Period;
  set: CriteriaSet;
  scope: TextsInput['scope'];
  title: string;
  warning: string;
  attribution: string;
  columns: ExportColumn[];
  rows: Cell[][];
  counts: { communes: number; reviews: ProvenanceCount & { none: number }; levels: ProvenanceCount; special: ProvenanceCount };
  sources: CitedSource[];
  /** The same data as JSON, for the sources sheet. */
  jsonPath: string;
  /** `ntm-<scope code>-<period>` */
  fileStem: string;
  /** SHA-1 of everything the files show: the ETag of both formats (with the format's prefix). */
  digest: string;
}

/** Bumped when the files' layout changes without a change of the table (so that ETags change too). */
const LAYOUT_VERSION = 1;

/** Builds the status table of a scope at a period in the era's structure, in `lang`. */
export async function buildExportTable(ctx: Pick<ApiContext, 'ndb' | 'standings' | 'status'>, era: Era, scope: Scope, period: Period, lang: Lang): Promise<ExportTable> {
  if (scope.level === 'country' || !scope.unit) throw new Error('the export needs a province or a district');
  const set = era.set;
  const structure = era.structure.code;
  const words = WORDS[lang];
  const levelLabels = LEVEL_LABELS[lang];
  const provenanceLabels = PROVENANCE_LABELS[lang];
  const yesNo = YES_NO[lang];
  const criteria = [...set.criteria].sort((a, b) => a.number - b.number);

  const statuses = await ctx.status.at(period);
  const codes = [...era.units.ruralCommunes(scope.code, period)];
  // A former district (today's structure) is a district of the structure before: its name is read there.
  const unitOf = (code: string | null) => (code ? (era.units.byCode.get(code) ?? (scope.unit?.code === code ? scope.unit : undefined)) : undefined);
  codes.sort((a, b) => compare(unitOf(a)?.district ?? '', unitOf(b)?.district ?? '') || compare(a, b));
  const reviewSources = await reviewSourcesOf(ctx, structure, codes, statuses);
  const generator = await generatorName(ctx);

  const counts = {
    communes: codes.length,
    reviews: { official: 0, illustrative: 0, none: 0 },
    levels: { official: 0, illustrative: 0 },
    special: { official: 0, illustrative: 0 },
  };
  const cited = new Map<string, { kind: string; source: string; decisions: Set<string> }>();
  const cite = (source: string | null, kind: string, decision: string | null) => {
    if (!source) return;
    const key = `${kind} ${source}`;
    const entry = cited.get(key) ?? cited.set(key, { kind, source, decisions: new Set() }).get(key)!;
    if (decision) entry.decisions.add(decision);
  };
  const sourceOf = (record: { provenance: string; sourceUrl: string | null }) => record.sourceUrl ?? (record.provenance === 'illustrative' ? generator : null);

  const rows: Cell[][] = [];
  for (const code of codes) {
    const commune = unitOf(code);
    const district = unitOf(commune?.district ?? null);
    const province = unitOf(commune?.province ?? null);
    const status = statuses.get(code);
    const standing = ctx.standings.at(structure, code, period);
    const recognition = standing.recognition;
    const listing = standing.listing;

    const review = status ? reviewSources.get(code) ?? null : null;
    if (status) counts.reviews[status.provenance]++;
    else counts.reviews.none++;
    if (recognition) counts.levels[recognition.provenance]++;
    if (listing) counts.special[listing.provenance]++;

    const recognitionSource = recognition ? sourceOf(recognition) : null;
    const listingSource = listing ? sourceOf(listing) : null;
    cite(recognitionSource, 'recognition', recognition?.decision ?? null);
    cite(listingSource, 'special', listing?.decision ?? null);
    cite(review, 'review', null);

    const cells: Record<FixedColumn, Cell> = {
      province_code: province?.code ?? commune?.province ?? null,
      province_name: province?.name ?? null,
      district_code: district?.code ?? null,
      district_name: district?.name ?? null,
      commune_code: code,
      commune_name: commune?.name ?? null,
      period,
      as_of: status?.asOf ?? null,
      criteria_met: status ? status.met : null,
      level: levelLabels[standing.level],
      recognition_decision: recognition ? decisionOfRecognition(recognition, lang) : null,
      recognition_provenance: recognition ? provenanceLabels[recognition.provenance] : null,
      recognition_source: recognitionSource,
      special: standing.special ? yesNo.yes : yesNo.no,
      special_decision: listing ? decisionOfListing(listing, lang) : null,
      special_provenance: listing ? provenanceLabels[listing.provenance] : null,
      special_source: listingSource,
      review_provenance: provenanceLabels[status ? status.provenance : 'none'],
      review_source: review,
    };
    rows.push([
      ...LEADING_COLUMNS.map((key) => cells[key]),
      ...criteria.map((c) => (status ? (isMet(status.mask, c.number) ? 1 : 0) : null)),
      ...TRAILING_COLUMNS.map((key) => cells[key]),
    ]);
  }

  const columns: ExportColumn[] = [
    ...LEADING_COLUMNS.map((key) => ({ key, header: HEADERS[lang][key], kind: leadingKind(key) })),
    ...criteria.map((c) => ({ key: `c${c.number}`, header: criterionHeader(lang, c), kind: 'flag' as const })),
    ...TRAILING_COLUMNS.map((key) => ({ key, header: HEADERS[lang][key], kind: trailingKind(key) })),
  ];

  const unit = scope.unit;
  const provinceUnit = unitOf(unit.province)!;
  const textsInput: TextsInput = {
    scope: { level: scope.level === 'former_district' ? 'district' : scope.level, code: unit.code, name: unit.name, province: { code: provinceUnit.code, name: provinceUnit.name } },
    period,
    set: { code: set.code, decision: set.decision },
    communes: counts.communes,
    illustrative: { reviews: counts.reviews.illustrative, levels: counts.levels.illustrative, special: counts.special.illustrative },
  };

  const sources: CitedSource[] = [{ label: `${words.criteriaSet} ${set.code}: ${set.decision}`, source: set.source_url }];
  const kindLabel: Record<string, string> = { recognition: HEADERS[lang].recognition_decision, special: HEADERS[lang].special_decision, review: HEADERS[lang].review_source };
  for (const { kind, source, decisions } of [...cited.values()].sort((a, b) => compare(a.kind, b.kind) || compare(a.source, b.source))) {
    sources.push({ label: decisions.size ? `${kindLabel[kind]}: ${[...decisions].sort().join('; ')}` : kindLabel[kind]!, source });
  }

  const title = titleOf(lang, textsInput);
  const warning = warningOf(lang, textsInput);
  const attribution = attributionOf(lang, textsInput);
  const digest = createHash('sha1')
    .update(JSON.stringify([LAYOUT_VERSION, lang, title, warning, attribution, columns, sources, rows]))
    .digest('base64url');
  return {
    lang,
    period,
    set,
    scope: textsInput.scope,
    title,
    warning,
    attribution,
    columns,
    rows,
    counts,
    sources,
    jsonPath: `/api/v1/status?${scope.level}=${unit.code}&period=${period}`,
    fileStem: `ntm-${unit.code}-${period}`,
    digest,
  };
}

function leadingKind(key: (typeof LEADING_COLUMNS)[number]): ColumnKind {
  if (key.endsWith('_code') || key === 'period' || key === 'as_of') return 'code';
  return key === 'criteria_met' ? 'count' : 'text';
}

function trailingKind(key: (typeof TRAILING_COLUMNS)[number]): ColumnKind {
  if (key.endsWith('_provenance')) return 'provenance';
  if (key.endsWith('_source')) return 'source';
  return 'text';
}

function decisionOfRecognition(r: RecognitionRecord, lang: Lang): string {
  const words = WORDS[lang];
  if (r.decision) return r.decisionDate ? words.dated(r.decision, r.decisionDate) : r.decision;
  return r.provenance === 'illustrative' ? words.illustrativeDecision : words.noDecisionNumber;
}

function decisionOfListing(l: ListingRecord, lang: Lang): string {
  const words = WORDS[lang];
  const decision = l.decision ?? (l.provenance === 'illustrative' ? words.illustrativeDecision : words.noDecisionNumber);
  return `${decision}: ${l.classification}`;
}

/** The source of each commune's review shown (the one of month `asOf`). */
async function reviewSourcesOf(
  ctx: Pick<ApiContext, 'ndb'>,
  structure: UnitStructure,
  codes: readonly string[],
  statuses: ReadonlyMap<string, { asOf: Period }>,
): Promise<Map<string, string | null>> {
  const wanted = new Map<string, Period>();
  for (const code of codes) {
    const s = statuses.get(code);
    if (s) wanted.set(code, s.asOf);
  }
  const out = new Map<string, string | null>();
  if (!wanted.size) return out;
  const rows = await ctx.ndb.db
    .selectFrom('review')
    .select(['commune_code', 'period', 'source'])
    .where('structure', '=', structure)
    .where('commune_code', 'in', [...wanted.keys()])
    .where('period', 'in', [...new Set(wanted.values())])
    .execute();
  for (const r of rows) if (wanted.get(r.commune_code) === r.period) out.set(r.commune_code, r.source);
  return out;
}

/** The illustrative generator's name and seed (the source of illustrative recognitions and listings). */
async function generatorName(ctx: Pick<ApiContext, 'ndb'>): Promise<string> {
  const row = await ctx.ndb.db.selectFrom('meta').select('value').where('key', '=', 'generator').executeTakeFirst();
  return row?.value ?? 'NTM Map illustrative generator';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
