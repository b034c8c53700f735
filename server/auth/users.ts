// Officials' accounts: creation (from the CLI) with a validated role and unit, and look-up at sign-in.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit, type Actor } from '../audit/audit.ts';
import type { Database, Role } from '../db/schema.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.ts';
import { ROLE_UNIT_LEVEL } from './scope.ts';

export const RoleSchema = z.enum(['admin', 'province', 'district', 'commune']);
export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: 'expected an e-mail address' })).pipe(z.string().max(254));

export const NewUserSchema = z
  .object({
    email: EmailSchema,
    name: z.string().trim().min(1).max(200).optional(),
    role: RoleSchema,
    unit: z.string().regex(/^\d{2,5}$/, 'expected a GSO code (2, 3 or 5 digits)').optional(),
    password: z.string().min(MIN_PASSWORD_LENGTH, `the password needs at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'admin' && u.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'an admin has no unit (the whole country)' });
    if (u.role !== 'admin' && !u.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: `a ${u.role} role needs the code of its ${u.role}` });
  });
export type NewUser = z.infer<typeof NewUserSchema>;

export class UserError extends Error {
  override name = 'UserError';
}

/** Creates an account (audited). Throws UserError when the e-mail exists or the unit does not fit the role. */
export async function createUser(db: Kysely<Database>, input: NewUser, actor: Actor): Promise<{ id: number; email: string; role: Role; unit: string | null }> {
  const level = ROLE_UNIT_LEVEL[input.role];
  if (level && input.unit) {
    const unit = await db.selectFrom('unit').select(['level', 'name']).where('structure', '=', 'pre2025').where('code', '=', input.unit).executeTakeFirst();
    if (!unit) throw new UserError(`--unit ${input.unit}: no such unit in the database (has it been seeded? run npm start once)`);
    if (unit.level !== level) throw new UserError(`--unit ${input.unit}: ${unit.name} is a ${unit.level}, a ${input.role} role needs a ${level}`);
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('app_user').select('id').where('email', '=', input.email).executeTakeFirst();
    if (exists) throw new UserError(`--email ${input.email}: an account with this e-mail exists already`);
    const row = await trx
      .insertInto('app_user')
      .values({ email: input.email, name: input.name ?? null, role: input.role, unit_code: input.unit ?? null, password_hash: passwordHash, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = { id: row.id, email: input.email, role: input.role, unit: input.unit ?? null };
    await appendAudit(trx, actor, { action: 'user.create', unit: input.unit ?? null, entity: 'app_user', entityId: row.id, before: null, after: { email: created.email, name: input.name ?? null, role: created.role, unit: created.unit } });
    return created;
  });
}

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('app_user').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}
