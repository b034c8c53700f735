/** @module The audit trail: every change made through the workspace or a CLI appends one entry (who, when,
 * what, before and after) in the same transaction as the change. Nothing updates or deletes entries. */
import type { Kysely } from 'kysely';
import type { Database, UnitStructure } from '../db/schema.ts';
import type { SessionUser } from '../auth/session.ts';

/** Who made a change: a signed-in official, or a command-line tool. */
export interface Actor {
  userId: number | null;
  label: string;
}

/** The actor of a change made by a signed-in official: their account id and e-mail as the label the trail shows. */
export const actorOf = (user: Pick<SessionUser, 'id' | 'email'>): Actor => ({ userId: user.id, label: user.email });
/** The actor of a change made from a command line (`cli:user-add`, …): no account, the command's name as the label. */
export const cliActor = (command: string): Actor => ({ userId: null, label: `cli:${command}` });

/** One change to write to the trail: what was done, to which record and unit, with the values before and after. */
export interface AuditChange {
  action: string;
  unit: string | null;
  /** The structure `unit` is a code of (the column's default, pre2025, when not given). */
  structure?: UnitStructure;
  entity: string;
  entityId: string | number | null;
  before: unknown;
  after: unknown;
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** Appends entries (call inside the transaction that makes the changes). */
export async function appendAudit(db: Kysely<Database>, actor: Actor, changes: AuditChange | readonly AuditChange[], at = new Date()): Promise<void> {
  const list = Array.isArray(changes) ? changes : [changes as AuditChange];
  if (list.length === 0) return;
  const rows = list.map((c) => ({
    at: at.toISOString(),
    user_id: actor.userId,
    actor: actor.label,
    action: c.action,
    unit_code: c.unit,
    ...(c.structure ? { unit_structure: c.structure } : {}),
    entity: c.entity,
    entity_id: c.entityId === null ? null : String(c.entityId),
    before: json(c.before),
    after: json(c.after),
  }));
  // Batches keep each insert under SQLite's 32,766 bound parameters (an import writes thousands).
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('audit_entry').values(rows.slice(i, i + 500)).execute();
}
