/** @module What a workspace view keeps in its URL hash (#view/key=value&…): reading the query, the scope it names
 * (or the user's home scope), the scope a listing is asked for (a commune officer reads their district,
 * narrowed by the server to their commune), and the hash to go to when a choice changes. */
import { workspaceGet } from '../workspace-http.ts';
import { homeScope, type Scope } from '../scope-picker.ts';
import type { CommuneCard, SignedIn } from '../../api/answers.ts';
import type { ViewContext } from '../views.ts';

/** The view's query (the hash's part after the view name). */
export const queryOf = (ctx: ViewContext): URLSearchParams => new URLSearchParams(ctx.params[0] ?? '');

/** The scope named by the hash (province=, district=), else the user's own. */
export function scopeOf(ctx: ViewContext, query: URLSearchParams): Scope {
  const home = homeScope(ctx.session);
  const role = ctx.session.user.role;
  if (role === 'district' || role === 'commune') return home;
  return { province: role === 'province' ? home.province : query.get('province') || home.province, district: query.get('district') || null };
}

const districtOfCommune = new Map<string, Promise<string | null>>();
/** The district a commune officer's listings are asked for (the server shows them their commune only). */
export async function listingScope(session: SignedIn, scope: Scope): Promise<Scope> {
  const unit = session.user.unit;
  if (session.user.role !== 'commune' || !unit) return scope;
  let district = districtOfCommune.get(unit.code);
  if (!district) {
    district = workspaceGet<Pick<CommuneCard, 'district'>>(`/communes/${encodeURIComponent(unit.code)}`).then((c) => c.district?.code ?? null);
    districtOfCommune.set(unit.code, district);
  }
  return { province: null, district: await district };
}

/** The hash of a view with its choices; empty values are left out. */
export function hashFor(view: string, choices: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(choices)) if (v) query.set(k, v);
  const text = query.toString();
  return text ? `${view}/${text}` : view;
}

/** Whether the official may write (commune officers read only). */
export const mayWrite = (session: SignedIn): boolean => session.user.role !== 'commune';
