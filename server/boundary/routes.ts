// GET /api/v1/boundaries/{province}.topojson: the per-province TopoJSON the boundary build wrote, as a
// download. The files are read once at start (about 5 MB for the country), so that what is served always
// matches the build manifest this server started with, like the tile archive.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ApiContext } from '../api/context.ts';
import { errorResponses } from '../api/schemas.ts';
import { ApiError } from '../http/errors.ts';
import { validationHook } from '../http/validation.ts';
import { nameSlug } from '../search/normalise.ts';

export const TopoJsonSchema = z
  .looseObject({
    type: z.literal('Topology'),
    objects: z.record(z.string(), z.looseObject({ type: z.string() })).openapi({
      description: 'Geometry collections (e.g. `communes`, `districts`, `province`); each geometry has `id` = GSO code and properties code, name, type, district, province',
    }),
    arcs: z.array(z.array(z.array(z.number()))),
    transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }).optional(),
    bbox: z.array(z.number()).optional(),
  })
  .openapi('TopoJSON', { description: 'A TopoJSON Topology (https://github.com/topojson/topojson-specification), WGS 84 longitude/latitude' });

const ParamsSchema = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/, 'expected a 2-digit GSO province code, e.g. 62')
    .openapi({ param: { name: 'province', in: 'path' }, example: '62', description: 'GSO province code' }),
});

const route = createRoute({
  method: 'get',
  path: '/boundaries/{province}.topojson',
  summary: 'Boundaries of a province as TopoJSON (download)',
  description:
    'The province, its districts and its communes as one TopoJSON topology from the current boundary build, served as an attachment ' +
    '(`ntm-<code>-<name>.topojson`). Read it with topojson-client. Same bytes until the boundaries are rebuilt: ETag and a long cache.',
  request: { params: ParamsSchema },
  responses: {
    200: {
      description: 'The TopoJSON topology',
      headers: z.object({
        'Content-Disposition': z.string().openapi({ example: 'attachment; filename="ntm-62-kon-tum.topojson"' }),
        ETag: z.string(),
      }),
      content: { 'application/json': { schema: TopoJsonSchema } },
    },
    ...errorResponses,
  },
});

interface ProvinceFile {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  filename: string;
}

export function boundaryRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  const files = loadProvinceFiles(ctx);
  // The path has a literal suffix after its parameter, which OpenAPIHono's path conversion cannot route
  // ("/:province.topojson" would name the parameter "province.topojson" and match any segment): the route
  // is documented from `route` and routed here, validated with the same parameter schema.
  app.openAPIRegistry.registerPath(route);
  app.get('/boundaries/:file{[^/]*\\.topojson}', async (c: Context) => {
    const file = c.req.param('file') ?? '';
    const parsed = ParamsSchema.safeParse({ province: file.slice(0, -'.topojson'.length) });
    if (!parsed.success) return validationHook({ success: false, target: 'param', error: parsed.error }, c)!;
    const { province } = parsed.data;
    const unit = ctx.units.byCode.get(province);
    if (unit?.level !== 'province') throw new ApiError(404, 'not_found', `Unknown province '${province}'`, { parameter: 'province' });
    const found = (await files).get(province);
    if (!found) throw new ApiError(404, 'not_found', `The boundary build has no TopoJSON for province ${province} (${unit.name})`, { parameter: 'province' });
    return c.body(found.body, 200, {
      'Content-Type': 'application/json',
      'Content-Disposition': `attachment; filename="${found.filename}"`,
      ETag: found.etag,
      'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800',
    });
  });
}

/** Reads every province's file of the build; a missing or unreadable file is left out (its province is then a 404). */
async function loadProvinceFiles(ctx: ApiContext): Promise<Map<string, ProvinceFile>> {
  const out = new Map<string, ProvinceFile>();
  const build = ctx.manifest.inputHash.slice(0, 16);
  await Promise.all(
    ctx.units.provinces.map(async (province) => {
      try {
        const body = new Uint8Array(await readFile(join(ctx.buildDir, 'topojson', `${province.code}.json`)));
        const slug = nameSlug(province.name);
        out.set(province.code, {
          body,
          etag: `"${build}-${province.code}"`,
          filename: `ntm-${province.code}${slug ? `-${slug}` : ''}.topojson`,
        });
      } catch {
        // Left out: answered as a 404 naming the province.
      }
    }),
  );
  return out;
}
