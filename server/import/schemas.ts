/** @module Schemas of the import routes: the template's query, the upload's query and the preview/result body. */
import { z } from '@hono/zod-openapi';
import { DistrictParam, PeriodParam, ProvinceParam } from '../http/schemas.ts';

/** The query of the template download: format, layout, the scope whose communes it lists and the month. */
export const TemplateQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv').openapi({ param: { name: 'format', in: 'query' }, example: 'csv', description: 'csv (UTF-8 with BOM) or xlsx' }),
  layout: z.enum(['long', 'wide']).default('long').openapi({ param: { name: 'layout', in: 'query' }, example: 'long', description: 'long: one row per commune and criterion; wide: one row per commune, one column per criterion' }),
  district: DistrictParam.optional().openapi({ description: 'Pre-fill the rows of this district\'s rural communes' }),
  province: ProvinceParam.optional().openapi({ description: 'Pre-fill the rows of this province\'s rural communes' }),
  period: PeriodParam.optional().openapi({ description: 'The month to pre-fill (default: the current month); Đạt is pre-filled from the latest review at or before it' }),
});

/** The query of POST /admin/imports: whether it is a dry run (preview) or the apply. */
export const ImportQuerySchema = z.object({
  dryRun: z
    .enum(['1', '0', 'true', 'false'])
    .default('1')
    .openapi({ param: { name: 'dryRun', in: 'query' }, example: '1', description: '1 (default): only say what would change; 0: apply the whole file in one transaction' }),
});

/** The multipart body of POST /admin/imports: the spreadsheet. */
export const ImportUploadSchema = z.object({
  file: z.custom<File>((v) => v instanceof File, { message: 'expected a file (multipart field "file")' }).openapi({ type: 'string', format: 'binary', description: 'CSV (UTF-8) or XLSX in the template\'s layout' }),
});

const IssueSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable().openapi({ example: 'A' }),
  header: z.string().nullable().openapi({ example: 'Mã xã' }),
  value: z.string(),
  message: z.string(),
});
/** The details of a refused import: every problem (up to a limit), their count and whether the list was cut. */
export const ImportErrorDetailsSchema = z.object({ errors: z.array(IssueSchema), error_count: z.number().int(), truncated: z.boolean() }).openapi('ImportErrors');

/** The preview or result of an import: what it changes, commune by commune. */
export const ImportResultSchema = z
  .object({
    dry_run: z.boolean(),
    applied: z.boolean().openapi({ description: 'true when the file was written (dryRun=0)' }),
    import_id: z.string().nullable().openapi({ description: 'Id of the applied import, in each audit entry (null on a dry run)' }),
    file: z.object({ name: z.string(), format: z.enum(['csv', 'xlsx']), layout: z.enum(['long', 'wide']), rows: z.number().int() }),
    counts: z.object({
      reviews: z.number().int().openapi({ description: 'Commune months in the file' }),
      new: z.number().int(),
      changed: z.number().int(),
      confirmed: z.number().int().openapi({ description: 'Same values: an illustrative record becomes official' }),
      unchanged: z.number().int().openapi({ description: 'Official reviews the file leaves as they are (not written)' }),
      criteria_gained: z.number().int(),
      criteria_lost: z.number().int(),
      unchanged_values: z.number().int().openapi({ description: 'Values of the file equal to the stored value (rows in the long layout)' }),
    }),
    reviews: z.array(
      z.object({
        commune: z.string(),
        name: z.string(),
        period: z.string(),
        status: z.enum(['new', 'changed', 'confirmed', 'unchanged']),
        version_before: z.number().int().nullable(),
        version_after: z.number().int().nullable(),
        met_before: z.number().int().nullable(),
        met_after: z.number().int(),
        gained: z.array(z.number().int()),
        lost: z.array(z.number().int()),
        notes_changed: z.array(z.string()).openapi({ description: 'Criterion numbers (or "general") whose note the file changes' }),
        kept: z.array(z.number().int()).openapi({ description: 'Criteria the file does not give: they keep the value of `kept_from`' }),
        kept_from: z.string().nullable().openapi({ description: 'The month whose review gives the criteria not in the file (this month, or the latest earlier one); null: none, they count as not met' }),
        lines: z.array(z.number().int()),
      }),
    ),
  })
  .openapi('ImportResult');

/** The preview or result of an import. */
export type ImportResult = z.infer<typeof ImportResultSchema>;
