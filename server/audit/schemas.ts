/** @module The audit trail's schemas (GET /api/v1/admin/audit): one page of entries, newest first. Apart
 * from the route so that the workspace's types for them come from here. */
import { z } from '@hono/zod-openapi';

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ description: 'When (ISO 8601, UTC)', example: '2025-06-18T02:31:07.412Z' }),
    actor: z.string().openapi({ description: 'Who: the official\'s e-mail, or cli:<command>', example: 'can.bo@example.org' }),
    user_id: z.number().int().nullable().openapi({ description: 'The official\'s account (null for the command line)' }),
    action: z.string().openapi({ example: 'review.save' }),
    unit: z
      .object({
        code: z.string(),
        name: z.string().nullable(),
        level: z.enum(['province', 'district', 'commune']).nullable(),
      })
      .nullable()
      .openapi({ description: 'The unit the change is about (null: not about a unit, e.g. an admin account)' }),
    entity: z.string().openapi({ description: 'What was changed: review, recognition, target, app_user, …', example: 'review' }),
    entity_id: z.string().nullable(),
    before: z.unknown().openapi({ description: 'The record before the change (null when created)' }),
    after: z.unknown().openapi({ description: 'The record after the change (null when removed)' }),
  })
  .openapi('AuditEntry');

/** One page of the audit trail, newest first, with where the next page starts. */
export const AuditPageSchema = z
  .object({
    entries: z.array(AuditEntrySchema).openapi({ description: 'Newest first' }),
    next_before: z.number().int().nullable().openapi({ description: 'Pass as `before` for the next (older) page; null on the last page' }),
  })
  .openapi('AuditPage');

