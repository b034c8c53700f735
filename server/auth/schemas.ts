/** @module Schemas of the workspace's sign-in routes and the errors that every workspace route can give. */
import { z } from '@hono/zod-openapi';
import { ErrorSchema } from '../http/schemas.ts';

/** An official's role: what their unit is (none for an admin). */
export const RoleSchema = z.enum(['admin', 'province', 'district', 'commune']);

/** Who is signed in: the user, their unit and structure, and the CSRF token of the session. */
export const SignedInSchema = z
  .object({
    user: z.object({
      id: z.number().int(),
      email: z.string(),
      name: z.string().nullable(),
      role: RoleSchema.openapi({ description: 'admin: the country; province, district, commune: that unit and everything under it' }),
      unit: z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'district', 'commune']) }).nullable(),
      structure: z
        .object({
          code: z.string().openapi({ example: '2025-07' }),
          name_vi: z.string(),
          name_en: z.string(),
          valid_from: z.string().nullable(),
          valid_to: z.string().nullable(),
          has_districts: z.boolean().openapi({ description: 'Whether the structure has districts (the pre-2025 one); today\'s communes are grouped by former district instead' }),
          current: z.boolean().openapi({ description: "Whether it is today's structure (false: the account reads and corrects the history of the pre-2025 units, and cannot write today's)" }),
        })
        .openapi({ description: "The unit structure the scope's unit is a code of (codes were reused on 1/7/2025)" }),
    }),
    csrf_token: z.string().openapi({ description: 'Send it back in the X-CSRF-Token header of every POST, PUT, PATCH or DELETE' }),
    expires_at: z.string().openapi({ description: 'When the session ends (ISO 8601)', example: '2026-01-20T20:00:00.000Z' }),
  })
  .openapi('SignedIn');

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

/** Errors of every workspace route. */
export const workspaceErrors = {
  400: error('The request is wrong: the message names the field and why'),
  401: error('Not signed in, or the session expired'),
  403: error('Outside your role\'s scope, or refused as cross-site (CSRF)'),
  404: error('Unknown unit, period or record'),
} as const;

/** OpenAPI security requirement of the workspace routes: the session cookie, plus the CSRF header on writes. */
export const SESSION_SECURITY = [{ session: [] as string[] }];
/** OpenAPI security requirement of the workspace's writes: the session cookie and the CSRF header. */
export const WRITE_SECURITY = [{ session: [] as string[], csrf: [] as string[] }];
