/** @module Workspace routes of the spreadsheet import: GET /admin/imports/template (the CSV/XLSX template, long or
 * wide layout, pre-filled with a district's or province's communes) and POST /admin/imports?dryRun=1|0
 * (a district's or province's monthly review: every row validated, a preview of what changes, then the
 * whole file applied in one transaction or nothing). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { randomBytes } from 'node:crypto';
import type { ApiContext } from '../context/context.ts';
import { ErrorSchema } from '../http/schemas.ts';
import { type AuthEnv, currentUser } from '../auth/middleware.ts';
import type { SessionUser } from '../auth/session.ts';
import { SESSION_SECURITY, WRITE_SECURITY, workspaceErrors } from '../auth/schemas.ts';
import { XLSX_TYPE } from '../export/xlsx.ts';
import { ApiError } from '../http/errors.ts';
import { popcount } from '../criterion/mask.ts';
import { officerLabel } from '../review/officer.ts';
import { ConflictSchema } from '../review/schemas.ts';
import { applyImport } from './apply.ts';
import { planImport, type PlannedReview } from './plan.ts';
import { ImportQuerySchema, type ImportResult, ImportResultSchema, ImportUploadSchema, TemplateQuerySchema } from './schemas.ts';
import { buildTemplate } from './template.ts';
import type { ImportIssue } from './validate.ts';
import { createImportPool, type ImportPool, RETRY_AFTER_SECONDS } from './worker-pool.ts';

/** Most errors listed in a refusal (the count is always given). */
const MAX_LISTED = 1000;

const templateRoute = createRoute({
  method: 'get',
  path: '/admin/imports/template',
  tags: ['Workspace'],
  summary: 'Download the monthly review template',
  description:
    'CSV (UTF-8 with BOM) or XLSX with Vietnamese headers. long: Mã xã, Tên xã, Kỳ báo cáo, Tiêu chí, Đạt, Ghi chú (one row per commune and criterion); ' +
    'wide: Mã xã, Tên xã, Kỳ báo cáo, TC01 … TCnn, Ghi chú (one row per commune; the criteria of the month\'s set: TC01 … TC19 to 2026-01, TC01 … TC10 of 2026-2030 from 2026-02). ' +
    'The month decides the era: with district= or province= (codes of the month\'s structure: today\'s provinces since 2025-07, a former district filters today\'s communes) the rows list that scope\'s rural communes, ' +
    'Đạt pre-filled from each commune\'s latest review on the same criteria set.',
  security: SESSION_SECURITY,
  request: { query: TemplateQuerySchema },
  responses: {
    200: {
      description: 'The template (download)',
      content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
    },
    ...workspaceErrors,
  },
});

const importRoute = createRoute({
  method: 'post',
  path: '/admin/imports',
  tags: ['Workspace'],
  summary: 'Import a monthly review spreadsheet (dry run or apply)',
  description:
    'Multipart upload of a CSV (UTF-8) or XLSX file in the template\'s layout (max 8 MB). Every row is checked; errors are all listed with line and column (400 `invalid_file`). ' +
    'A commune outside your scope refuses the whole file (403, naming the lines). dryRun=1 (default) says what would change per commune and month; dryRun=0 applies the ' +
    'whole file in one transaction (or nothing). Criteria a file does not give keep the value of that month\'s review, or of the latest earlier review.',
  security: WRITE_SECURITY,
  request: { query: ImportQuerySchema, body: { content: { 'multipart/form-data': { schema: ImportUploadSchema } }, required: true } },
  responses: {
    200: { description: 'What changes (dry run) or changed', content: { 'application/json': { schema: ImportResultSchema } } },
    ...workspaceErrors,
    409: { description: 'A review of the file was saved by someone else during the import: nothing was imported', content: { 'application/json': { schema: ConflictSchema } } },
    413: { description: 'File over 8 MB', content: { 'application/json': { schema: ErrorSchema } } },
    429: { description: 'Another import of yours, or as many as the server runs at once, is running: try again after Retry-After seconds', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const lineList = (lines: readonly number[]) => {
  return lines.length > 20 ? `${lines.slice(0, 20).join(', ')} and ${lines.length - 20} more` : lines.join(', ');
};

const describeIssue = (i: ImportIssue) => `line ${i.line}${i.column ? `, column ${i.column} (${i.header})` : ''}: ${i.message}`;

const listed = (issues: readonly ImportIssue[], count: number) => ({ errors: issues.slice(0, MAX_LISTED), error_count: count, truncated: count > MAX_LISTED });

function resultOf(plan: readonly PlannedReview[], ctx: ApiContext, file: ImportResult['file'], applied: string | null): ImportResult {
  const count = (status: PlannedReview['status']) => plan.filter((p) => p.status === status).length;
  return {
    dry_run: applied === null,
    applied: applied !== null,
    import_id: applied,
    file,
    counts: {
      reviews: plan.length,
      new: count('new'),
      changed: count('changed'),
      confirmed: count('confirmed'),
      unchanged: count('unchanged'),
      criteria_gained: plan.reduce((n, p) => n + p.gained.length, 0),
      criteria_lost: plan.reduce((n, p) => n + p.lost.length, 0),
      unchanged_values: plan.reduce((n, p) => n + p.unchangedValues, 0),
    },
    reviews: plan.map((p) => ({
      commune: p.input.commune,
      name: ctx.eras.unitsOf(p.input.structure).byCode.get(p.input.commune)?.name ?? p.input.commune,
      period: p.input.period,
      status: p.status,
      version_before: p.current?.version ?? null,
      version_after: p.status === 'unchanged' ? (p.current?.version ?? null) : (p.current?.version ?? 0) + 1,
      met_before: p.current ? popcount(p.current.mask) : null,
      met_after: popcount(p.content.mask),
      gained: p.gained,
      lost: p.lost,
      notes_changed: p.notesChanged,
      kept: p.kept,
      kept_from: p.kept.length ? (p.base?.period ?? null) : null,
      lines: p.input.lines,
    })),
  };
}

/** Registers the import routes (template, preview and apply) on the workspace app. */
export function importRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>, pool: ImportPool = createImportPool(ctx)): void {
  app.openapi(templateRoute, async (c) => {
    const user = currentUser(c);
    const file = await buildTemplate(ctx, user, c.req.valid('query'));
    c.header('Content-Type', file.type);
    c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return c.body(typeof file.body === 'string' ? file.body : (file.body as Uint8Array<ArrayBuffer>), 200) as never;
  });

  app.openapi(importRoute, async (c) => {
    const user = currentUser(c);
    const dryRun = c.req.valid('query').dryRun;
    const upload = c.req.valid('form').file;
    let release: () => Promise<void>;
    try {
      release = await pool.acquire(user.id);
    } catch (error) {
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      throw error;
    }
    try {
      return await importFile(c, user, dryRun, upload);
    } finally {
      await release();
    }
  });

  async function importFile(c: Context<AuthEnv>, user: SessionUser, dryRun: string, upload: File) {
    const name = upload.name.slice(0, 200) || 'upload';
    // Read and checked in a worker thread: the main thread only waits.
    const { format, checked } = await pool.check(new Uint8Array(await upload.arrayBuffer()), name, user);
    if (checked.outOfScopeCount) {
      throw new ApiError(
        403,
        'forbidden',
        `Refused: line${checked.outOfScopeCount > 1 ? 's' : ''} ${lineList(checked.outOfScopeLines)} of ${name} name communes outside your scope (${officerLabel(ctx.eras.unitsOf(user.structure), user)}); nothing was imported`,
        { lines: checked.outOfScopeLines, ...listed([...checked.outOfScope, ...checked.errors], checked.outOfScopeCount + checked.errorCount) },
      );
    }
    if (checked.errorCount) {
      const first = checked.errors.slice(0, 3).map(describeIssue).join('; ');
      throw new ApiError(400, 'invalid_file', `${checked.errorCount} error${checked.errorCount > 1 ? 's' : ''} in ${name}, nothing was imported: ${first}${checked.errorCount > 3 ? '; …' : ''}`, listed(checked.errors, checked.errorCount));
    }
    const file = { name, format, layout: checked.layout, rows: checked.rows };
    if (dryRun === '1' || dryRun === 'true') return c.json(resultOf(await planImport(ctx.ndb.db, checked.reviews), ctx, file, null), 200);
    const importId = `imp-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
    // The public source names the import and the officer, not the uploaded file's name (free text chosen by
    // the uploader, which the public card would show); the file name is kept in the audit trail.
    const source = `NTM workspace: import ${importId} by the ${officerLabel(ctx.eras.unitsOf(user.structure), user)}`;
    const plan = await applyImport(ctx, user, checked.reviews, { source, importId, fileName: name });
    return c.json(resultOf(plan, ctx, file, importId), 200);
  }
}
