/** @module Officials' accounts: creation (from the CLI) with a validated role and unit, and look-up at sign-in. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit, type Actor } from '../audit/audit.ts';
import type { Database, Role, UnitStructure } from '../db/schema.ts';
import { resolveAccountScope, ScopeError } from './account-unit.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.ts';
import { RoleSchema } from './schemas.ts';

/** An e-mail address as accounts store it: trimmed and lower-cased, so that sign-in does not depend on case. */
export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: 'expected an e-mail address' })).pipe(z.string().max(254));

/** A unit structure named by an admin: its code (pre2025, 2025-07) or "today". */
export const StructureParam = z.string().regex(/^(?:today|pre2025|\d{4}-\d{2})$/, 'expected a unit structure: pre2025, 2025-07 or today');

/** A new account as the CLI creates it: e-mail, password, role and the unit its role needs (none for admin). */
export const NewUserSchema = z
  .object({
    email: EmailSchema,
    name: z.string().trim().min(1).max(200).optional(),
    role: RoleSchema,
    unit: z.string().regex(/^\d{2,5}$/, 'expected a GSO code (2, 3 or 5 digits)').optional(),
    structure: StructureParam.optional(),
    password: z.string().min(MIN_PASSWORD_LENGTH, `the password needs at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'admin' && u.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'an admin has no unit (the whole country)' });
    if (u.role !== 'admin' && !u.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: `a ${u.role} role needs the code of its ${u.role}` });
  });
/** A validated new account. */
export type NewUser = z.infer<typeof NewUserSchema>;

/** A refused account change (bad role, unknown unit, e-mail taken), with the message the CLI prints. */
export class UserError extends Error {
  override name = 'UserError';
}

/** The account's scope resolved (account-unit.ts), its ScopeError turned into a UserError. */
async function scopeOf(db: Kysely<Database>, role: Role, unit: string | undefined | null, structure: string | undefined) {
  try {
    return await resolveAccountScope(db, role, unit, structure);
  } catch (error) {
    if (error instanceof ScopeError) throw new UserError(error.message);
    throw error;
  }
}

/** Creates an account (audited). Throws UserError when the e-mail exists or the unit does not fit the role or
 * its structure (the unit is read in today's structure unless `structure` names another). */
export async function createUser(db: Kysely<Database>, input: NewUser, actor: Actor): Promise<{ id: number; email: string; role: Role; unit: string | null; structure: UnitStructure; unitName: string | null }> {
  const scope = await scopeOf(db, input.role, input.unit, input.structure);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('app_user').select('id').where('email', '=', input.email).executeTakeFirst();
    if (exists) throw new UserError(`--email ${input.email}: an account with this e-mail exists already`);
    const row = await trx
      .insertInto('app_user')
      .values({ email: input.email, name: input.name ?? null, role: input.role, unit_code: scope.unit, unit_structure: scope.structure, password_hash: passwordHash, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = { id: row.id, email: input.email, role: input.role, unit: scope.unit, structure: scope.structure, unitName: scope.name };
    await appendAudit(trx, actor, {
      action: 'user.create',
      unit: scope.unit,
      structure: scope.structure,
      entity: 'app_user',
      entityId: row.id,
      before: null,
      after: { email: created.email, name: input.name ?? null, role: created.role, unit: created.unit, structure: created.structure },
    });
    return created;
  });
}

/** The account with this e-mail (any case), or undefined: what sign-in checks the password against. */
export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('app_user').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** A new scope for an account: role, unit, and (optionally) the structure the unit is a code of. */
export const RescopeSchema = z
  .object({
    role: RoleSchema,
    unit: z.string().regex(/^\d{2,5}$/, 'expected a GSO code (2, 3 or 5 digits)').optional(),
    structure: StructureParam.optional(),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'admin' && u.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'an admin has no unit (the whole country)' });
    if (u.role !== 'admin' && !u.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: `a ${u.role} role needs the code of its ${u.role}` });
  });
/** A validated change of an account's role, unit and structure. */
export type Rescope = z.infer<typeof RescopeSchema>;

/** What an account's scope is before and after a rescope. */
export interface ScopeChange {
  id: number;
  email: string;
  before: { role: Role; unit: string | null; structure: UnitStructure };
  after: { role: Role; unit: string | null; structure: UnitStructure; unit_name: string | null };
}

/** Gives an account another role, unit or structure (audited as `user.rescope`); its sessions carry on under
 * the new scope (every request reads the account's scope). Throws UserError for an unknown account or a scope
 * that cannot be given; null when the account does not exist. */
export async function rescopeUser(db: Kysely<Database>, id: number, input: Rescope, actor: Actor): Promise<ScopeChange | null> {
  const scope = await scopeOf(db, input.role, input.unit, input.structure);
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('app_user').select(['id', 'email', 'role', 'unit_code', 'unit_structure']).where('id', '=', id).executeTakeFirst();
    if (!user) return null;
    await trx.updateTable('app_user').set({ role: scope.role, unit_code: scope.unit, unit_structure: scope.structure }).where('id', '=', id).execute();
    const change: ScopeChange = {
      id,
      email: user.email,
      before: { role: user.role, unit: user.unit_code, structure: user.unit_structure },
      after: { role: scope.role, unit: scope.unit, structure: scope.structure, unit_name: scope.name },
    };
    await appendAudit(trx, actor, { action: 'user.rescope', unit: scope.unit, structure: scope.structure, entity: 'app_user', entityId: id, before: change.before, after: change.after });
    return change;
  });
}
