/** @module The GSO units the facts refer to: look-up by code (every code in a facts file must exist) and by name
 * (targets.csv names its scope, e.g. "Xã Vĩnh Yên (Bảo Yên, Lào Cai)" or "Đăk Hà (Kon Tum)"). */
import { foldName } from '../../search/normalise.ts';
import type { UnitRecord } from '../../unit/units-index.ts';
import type { CsvRow, FactsError } from './csv.ts';

/** The units the facts may name, by code, for the loaders' checks. */
export interface UnitLookup {
  byCode: ReadonlyMap<string, UnitRecord>;
  all: readonly UnitRecord[];
}

/** Indexes the units of the boundary build by code. */
export function indexUnits(units: readonly UnitRecord[]): UnitLookup {
  const byCode = new Map<string, UnitRecord>();
  for (const unit of units) byCode.set(unit.code, unit);
  return { byCode, all: units };
}

/**
 * The commune a facts row names by its code (column `commune_code`), checked against the unit list and, when
 * the row also gives one, against its district (column `district_code`). Throws the row's FactsError otherwise.
 */
export function communeOfRow(
  row: { error(column: string, reason: string): FactsError },
  units: UnitLookup,
  communeCode: string,
  districtCode = '',
): UnitRecord {
  const unit = units.byCode.get(communeCode);
  if (!unit || unit.level !== 'commune') {
    throw row.error('commune_code', `unknown commune code ${JSON.stringify(communeCode)} (not in the GSO unit list)`);
  }
  if (districtCode !== '' && unit.district !== districtCode) {
    throw row.error('district_code', `commune ${communeCode} (${unit.name}) is in district ${unit.district}, got ${JSON.stringify(districtCode)}`);
  }
  return unit;
}

/**
 * The rows of a facts file that name a commune, each with its unit (checked by communeOfRow, with the row's
 * district when it gives one). Rows with an empty commune_code (no 2025 GSO match in the source) are
 * counted in `skipped`, not returned.
 */
export function communeRows<T extends { commune_code: string; district_code?: string }>(
  rows: readonly CsvRow<T>[],
  units: UnitLookup,
): { rows: Array<{ row: CsvRow<T>; v: T; unit: UnitRecord }>; skipped: number } {
  const out: Array<{ row: CsvRow<T>; v: T; unit: UnitRecord }> = [];
  let skipped = 0;
  for (const row of rows) {
    const v = row.value;
    if (v.commune_code === '') {
      skipped++;
      continue;
    }
    out.push({ row, v, unit: communeOfRow(row, units, v.commune_code, v.district_code ?? '') });
  }
  return { rows: out, skipped };
}

const TYPE_PREFIXES = [
  'thanh pho trung uong',
  'thanh pho',
  'thi tran',
  'thi xa',
  'tinh',
  'huyen',
  'quan',
  'phuong',
  'xa',
  'tp.',
  'tp',
  'tx.',
  'tx',
  'tt.',
  'tt',
];

/** Lower case without diacritics or type words: "Huyện Đắk Hà" and "Đăk Hà" → "dak ha"; "Xã Hoà Mạc" → "hoa mac". */
export function normaliseName(name: string): string {
  let text = foldName(name);
  for (const prefix of TYPE_PREFIXES) {
    if (text.startsWith(`${prefix} `)) {
      text = text.slice(prefix.length + 1);
      break;
    }
  }
  return text;
}

/**
 * Finds the unit a source names, as "Name" (a province), "Name (Province)" (a district) or
 * "Name (District, Province)" / "Name (District)" (a commune). Returns the unit, or a reason when none or more
 * than one match.
 */
export function resolveUnitName(
  lookup: UnitLookup,
  level: 'province' | 'district' | 'commune',
  scopeName: string,
): { unit: UnitRecord } | { reason: string } {
  const match = /^((?:[^(]*[^(\s])?)\s*(?:\(([^)]*)\)\s*)?$/.exec(scopeName.trim());
  const name = normaliseName(match?.[1] ?? scopeName);
  const context = (match?.[2] ?? '')
    .split(',')
    .map((part) => normaliseName(part))
    .filter((part) => part !== '');
  const named = (code: string | null) => (code ? normaliseName(lookup.byCode.get(code)?.name ?? '') : '');
  const candidates = lookup.all.filter((unit) => {
    if (unit.level !== level || normaliseName(unit.name) !== name) return false;
    if (level === 'province') return true;
    const province = named(unit.province);
    if (level === 'district') return context.length === 0 || context.includes(province);
    const district = named(unit.district);
    return context.every((part) => part === district || part === province);
  });
  if (candidates.length === 1) return { unit: candidates[0]! };
  if (candidates.length === 0) return { reason: `no ${level} named ${JSON.stringify(scopeName)} in the GSO unit list` };
  const codes = candidates.map((unit) => unit.code).join(', ');
  return { reason: `${JSON.stringify(scopeName)} matches more than one ${level} (${codes})` };
}
