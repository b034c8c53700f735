// Typed reads of the public API that the map needs.
export type Level = 'chua_dat' | 'dat_chuan' | 'nang_cao' | 'kieu_mau';

export interface CommuneStatus { code: string; met: number; level: Level; special: boolean; provenance: 'official' | 'illustrative'; as_of?: string; value?: number }
export interface Status {
  period: string;
  criteria_set: string;
  carried: number;
  provenance: { reviews: { official: number; illustrative: number }; note: string };
  communes: CommuneStatus[];
}
export interface Health { communes: number; periods: [string, string] | null; database: string; tiles: string }

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `${path}: HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

export const fetchHealth = () => getJson<Health>('/api/v1/health');
export const fetchStatus = (params: Record<string, string | undefined> = {}) => {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  return getJson<Status>(`/api/v1/status${query.size ? `?${query}` : ''}`);
};

export interface CatalogueEntry { number: number; name_vi: string; name_en: string }
export interface Criteria {
  current: string;
  sets: Array<{ code: string; criteria: Array<CatalogueEntry & { group: number }>; groups: CatalogueEntry[] }>;
}
export const fetchCriteria = () => getJson<Criteria>('/api/v1/criteria');
