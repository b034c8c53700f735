// The status a view needs: the communes of its district, province or the whole country, at its period,
// with the value of its criterion or group when it colours by one (the map page and the widget ask alike).
import type { AppState } from '../state/app-state.ts';
import type { StatusQuery } from './status.ts';

export const statusQueryOf = (s: Pick<AppState, 'province' | 'district' | 'period' | 'mode' | 'criterion' | 'group'>): StatusQuery => ({
  ...(s.district ? { district: s.district } : s.province ? { province: s.province } : {}),
  period: s.period ?? undefined,
  criterion: s.mode === 'criterion' ? String(s.criterion) : undefined,
  group: s.mode === 'group' ? String(s.group) : undefined,
});
