/** @module Reading the audit trail: the entries a signed-in official may see (admin: all; province, district and
 * commune officers: entries about their unit or a unit under it; entries without a unit: admin only),
 * filtered by unit, date, action and actor, newest first, a page at a time (keyset on the entry id). */
import type { ApiContext } from '../context/context.ts';
import { inScope } from '../auth/scope.ts';
import type { SessionUser } from '../auth/session.ts';
import type { UnitLevel } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { UnitStore } from '../unit/unit-store.ts';

/** The most entries one page of the trail may ask for, so that a request cannot read the whole table at once. */
export const AUDIT_PAGE_MAX = 500;
/** The entries a page holds when the request does not say. */
export const AUDIT_PAGE_DEFAULT = 100;
/** Dates of the `from`/`to` filters are days in Vietnam (UTC+7), where the officials work. */
export const AUDIT_TIME_ZONE_OFFSET_HOURS = 7;

/** The filters of a trail request (unit, dates, action, actor) and where the page starts. */
export interface AuditFilters {
  unit?: string | undefined;
  /** YYYY-MM-DD, inclusive */
  from?: string | undefined;
  /** YYYY-MM-DD, inclusive */
  to?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  limit?: number | undefined;
  /** Only entries with an id below this (the `next_before` of the previous page). */
  before?: number | undefined;
}

/** One entry as the workspace shows it: who, when, what, on which unit, before and after. */
export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  user_id: number | null;
  action: string;
  unit: { code: string; name: string | null; level: UnitLevel | null } | null;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}

/** One page of entries, newest first, with the cursor of the next page when there is one. */
export interface AuditPage {
  entries: AuditEntryView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next_before: number | null;
}

/** The unit's code and the codes of every unit under it. */
export function unitAndBelow(units: UnitStore, code: string): string[] {
  const out: string[] = [];
  const stack = [code];
  while (stack.length) {
    const next = stack.pop()!;
    out.push(next);
    for (const child of units.children(next)) stack.push(child.code);
  }
  return out;
}

/** The first instant (ISO 8601, UTC) of a day in Vietnam, `days` later. */
function startOfDay(date: string, days = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days) - AUDIT_TIME_ZONE_OFFSET_HOURS * 3_600_000).toISOString();
}

function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Reads one page of the trail as `user` may see it (their unit and those under it; admins all), with the filters
 * applied. */
export async function readAuditTrail(ctx: Pick<ApiContext, 'eras' | 'ndb'>, user: Pick<SessionUser, 'role' | 'unit' | 'structure'>, filters: AuditFilters): Promise<AuditPage> {
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new ApiError(400, 'invalid_parameter', `Parameter 'from' (query): ${filters.from} is after 'to' (${filters.to})`, { parameter: 'from' });
  }
  // The unit codes the page may show: null = any (admin without a unit filter).
  // Codes are read in the structure of the user's scope (an admin's: today's), and so are the entries.
  const units = ctx.eras.unitsOf(user.structure);
  let codes: string[] | null = null;
  if (filters.unit !== undefined) {
    const unit = units.byCode.get(filters.unit);
    if (!unit) throw new ApiError(404, 'not_found', `No unit with code ${filters.unit}`, { parameter: 'unit' });
    if (!inScope(user, unit)) throw new ApiError(403, 'forbidden', `Your role (${user.role}${user.unit ? ` of ${user.unit}` : ''}) cannot read the audit trail of ${unit.name} (${unit.code})`);
    codes = unitAndBelow(units, unit.code);
  } else if (user.role !== 'admin') {
    codes = user.unit ? unitAndBelow(units, user.unit) : [];
  }
  if (codes !== null && codes.length === 0) return { entries: [], next_before: null };

  const limit = Math.min(filters.limit ?? AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX);
  let query = ctx.ndb.db.selectFrom('audit_entry').selectAll();
  if (codes !== null) query = query.where('unit_code', 'in', codes).where('unit_structure', '=', units.structure);
  if (filters.from) query = query.where('at', '>=', startOfDay(filters.from));
  if (filters.to) query = query.where('at', '<', startOfDay(filters.to, 1));
  if (filters.action) query = query.where('action', '=', filters.action);
  if (filters.actor) query = query.where('actor', '=', filters.actor.trim().toLowerCase());
  if (filters.before !== undefined) query = query.where('id', '<', filters.before);
  const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();

  const entries = rows.slice(0, limit).map((r): AuditEntryView => {
    const unit = r.unit_code === null ? null : ctx.eras.unitsOf(r.unit_structure).byCode.get(r.unit_code);
    return {
      id: Number(r.id),
      at: r.at,
      actor: r.actor,
      user_id: r.user_id === null ? null : Number(r.user_id),
      action: r.action,
      unit: r.unit_code === null ? null : { code: r.unit_code, name: unit?.name ?? null, level: unit?.level ?? null },
      entity: r.entity,
      entity_id: r.entity_id,
      before: parsed(r.before),
      after: parsed(r.after),
    };
  });
  return { entries, next_before: rows.length > limit ? entries.at(-1)!.id : null };
}
