/** @module GET /api/v1/boundaries/{province}.topojson[?structure=pre2025|2025-07]: the per-province TopoJSON the
 * boundary build of that unit structure wrote, as a download. The files are read once at start (about
 * 5 MB for the country per structure), so that what is served always matches the build manifests this
 * server started with, like the tile archives. A province code means different provinces in the two
 * structures (15 was Yên Bái, is Lào Cai): it is looked up in the structure asked for, never in the other. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { readUnitsIndex } from '../../scripts/boundary/build.ts';
import type { ApiContext } from '../context/context.ts';
import type { UnitStructure } from '../db/schema.ts';
import { UNIT_STRUCTURES } from '../unit/units-index.ts';
import { errorResponses } from '../http/schemas.ts';
import { ApiError } from '../http/errors.ts';
import { validationHook } from '../http/validation.ts';
import { nameSlug } from '../search/normalise.ts';
import { CACHE } from '../http/cache.ts';

/** OpenAPI schema of a province's TopoJSON download (a Topology object; its layers are described, not validated). */
export const TopoJsonSchema = z
  .looseObject({
    type: z.literal('Topology'),
    objects: z.record(z.string(), z.looseObject({ type: z.string() })).openapi({
      description: 'Geometry collections: `communes`, `districts` (pre-2025 structure only) and `province`; each geometry has `id` = its code and properties code, name, type, province (and district before 2025)',
    }),
    structure: z.enum(UNIT_STRUCTURES).optional().openapi({ description: 'The unit structure the codes belong to' }),
    arcs: z.array(z.array(z.array(z.number()))),
    transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }).optional(),
    bbox: z.array(z.number()).optional(),
  })
  .openapi('TopoJSON', { description: 'A TopoJSON Topology (https://github.com/topojson/topojson-specification), WGS 84 longitude/latitude' });

const ParamsSchema = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/, 'expected a 2-digit GSO province code, e.g. 62')
    // 51 (Quảng Ngãi) is a province of both structures, so the example works with either.
    .openapi({ param: { name: 'province', in: 'path' }, example: '51', description: 'GSO province code, of the structure asked for' }),
});

/** The structure answered when the query names none. */
export const DEFAULT_TOPOJSON_STRUCTURE: UnitStructure = 'pre2025';

const QuerySchema = z.object({
  structure: z.enum(UNIT_STRUCTURES).default(DEFAULT_TOPOJSON_STRUCTURE).openapi({
    param: { name: 'structure', in: 'query' },
    example: '2025-07',
    description: 'Unit structure: `pre2025` (63 provinces, districts, communes before 1 July 2025) or `2025-07` (34 provinces and their communes since). Codes are looked up in this structure only.',
  }),
});

const route = createRoute({
  method: 'get',
  path: '/boundaries/{province}.topojson',
  summary: 'Boundaries of a province as TopoJSON (download)',
  description:
    'The province, its districts (before 2025) and its communes as one TopoJSON topology from the boundary build of the unit structure asked for, ' +
    'served as an attachment (`ntm-<code>-<name>.topojson`; `ntm-2025-07-<code>-<name>.topojson` for the 2025-07 structure). The topology and the ' +
    '`X-NTM-Structure` header name the structure. Read it with topojson-client. Same bytes until the boundaries are rebuilt: ETag and a long cache.',
  request: { params: ParamsSchema, query: QuerySchema },
  responses: {
    200: {
      description: 'The TopoJSON topology',
      headers: z.object({
        'Content-Disposition': z.string().openapi({ example: 'attachment; filename="ntm-2025-07-51-quang-ngai.topojson"' }),
        ETag: z.string(),
        'X-NTM-Structure': z.enum(UNIT_STRUCTURES).openapi({ description: 'The unit structure of the file' }),
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

/** Registers GET /api/v1/boundaries/{province}.topojson on the public API. */
export function boundaryRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  const files = Object.fromEntries(UNIT_STRUCTURES.map((s) => [s, loadProvinceFiles(ctx, s)])) as Record<UnitStructure, Promise<Map<string, ProvinceFile>>>;
  const provincesOf = (s: UnitStructure) => provinceNames(ctx.builds[s].dir, ctx.builds[s].manifest.inputHash);
  // The path has a literal suffix after its parameter, which OpenAPIHono's path conversion cannot route
  // ("/:province.topojson" would name the parameter "province.topojson" and match any segment): the route
  // is documented from `route` and routed here, validated with the same parameter schema.
  app.openAPIRegistry.registerPath(route);
  app.get('/boundaries/:file{[^/]*\\.topojson}', async (c: Context) => {
    const file = c.req.param('file') ?? '';
    const parsed = ParamsSchema.safeParse({ province: file.slice(0, -'.topojson'.length) });
    if (!parsed.success) return validationHook({ success: false, target: 'param', error: parsed.error }, c)!;
    const query = QuerySchema.safeParse({ structure: c.req.query('structure') });
    if (!query.success) return validationHook({ success: false, target: 'query', error: query.error }, c)!;
    const { province } = parsed.data;
    const { structure } = query.data;
    const name = provincesOf(structure).get(province);
    if (!name) {
      const elsewhere = UNIT_STRUCTURES.filter((s) => s !== structure && provincesOf(s).has(province));
      const hint = elsewhere.map((s) => ` (${provincesOf(s).get(province)} is province ${province} of the ${s} structure: ?structure=${s})`).join('');
      throw new ApiError(404, 'not_found', `Unknown province '${province}' in the ${structure} structure${hint}`, { parameter: 'province', structure });
    }
    const found = (await files[structure]).get(province);
    if (!found) throw new ApiError(404, 'not_found', `The ${structure} boundary build has no TopoJSON for province ${province} (${name})`, { parameter: 'province', structure });
    return c.body(found.body, 200, {
      'Content-Type': 'application/json',
      'Content-Disposition': `attachment; filename="${found.filename}"`,
      ETag: found.etag,
      'Cache-Control': CACHE.reference,
      'X-NTM-Structure': structure,
    });
  });
}

const provinceNamesCache = new Map<string, Map<string, string>>();

/** Code → name of the provinces of a build, from its units index (read once per build). */
function provinceNames(dir: string, inputHash: string): Map<string, string> {
  const key = `${dir}\n${inputHash}`;
  let names = provinceNamesCache.get(key);
  if (!names) {
    names = new Map(readUnitsIndex(dir).units.filter((u) => u.level === 'province').map((u) => [u.code, u.name]));
    provinceNamesCache.set(key, names);
  }
  return names;
}

/** Reads every province's file of a structure's build; a missing or unreadable file is left out (its
 * province is then a 404). */
async function loadProvinceFiles(ctx: ApiContext, structure: UnitStructure): Promise<Map<string, ProvinceFile>> {
  const out = new Map<string, ProvinceFile>();
  const { dir, manifest } = ctx.builds[structure];
  const build = manifest.inputHash.slice(0, 16);
  // Today's structure names its files, so that a download of 51 before and after the reform is told apart.
  const prefix = structure === 'pre2025' ? 'ntm' : `ntm-${structure}`;
  await Promise.all(
    [...provinceNames(dir, manifest.inputHash)].map(async ([code, name]) => {
      try {
        const body = new Uint8Array(await readFile(join(dir, 'topojson', `${code}.json`)));
        const slug = nameSlug(name);
        out.set(code, {
          body,
          etag: `"${build}-${code}"`,
          filename: `${prefix}-${code}${slug ? `-${slug}` : ''}.topojson`,
        });
      } catch {
        // Left out: answered as a 404 naming the province.
      }
    }),
  );
  return out;
}
