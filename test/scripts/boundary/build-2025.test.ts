// The boundary build of the 2025-07 structure (34 provinces > 3,321 communes, no districts): on the
// fixtures of both eras (Quảng Ngãi with former Kon Tum; Đồng Nai and its phường of 30/04/2026), and the
// whole-country archive of the test setup read back with the pmtiles reader.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOUNDARY_ATTRIBUTIONS, buildAllBoundaries, readBuildManifest, readUnitsIndex, structureBuildDir, type BuildManifest,
} from '../../../scripts/boundary/build.ts';
import { BoundaryInputError, readBoundaryFile } from '../../../scripts/boundary/sources.ts';
import { BUILD_DIR, DEFAULT_BOUNDARIES_2025_DIR, ROOT } from '../../../server/config/paths.ts';
import type { UnitStructure } from '../../../server/db/schema.ts';
import { DONG_NAI_ERAS, QUANG_NGAI_ERAS, readCrosswalk, writeBoundaryFixture2025, writeEraFixture } from '../../fixtures/boundaries.ts';
import { addressedTiles, BufferSource, openArchive } from '../../support/pmtiles.ts';

const work = mkdtempSync(join(tmpdir(), 'ntm-build-2025-'));
const root = join(work, 'build');
let sources: Record<UnitStructure, string>;
let manifests: Record<UnitStructure, BuildManifest>;
const dir2025 = () => structureBuildDir(root, '2025-07');

beforeAll(async () => {
  sources = writeEraFixture(join(work, 'in'), QUANG_NGAI_ERAS);
  manifests = await buildAllBoundaries({ sources, buildDir: root });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const decode = (data: ArrayBuffer) => new VectorTile(new PbfReader(new Uint8Array(data)));

describe('boundary build of both structures (Quảng Ngãi fixture)', () => {
  it('builds each structure into its own folder, with its own archive name, and skips both when unchanged', async () => {
    expect(manifests.pre2025.structure).toBe('pre2025');
    expect(manifests['2025-07'].structure).toBe('2025-07');
    expect(readBuildManifest(structureBuildDir(root, 'pre2025'))?.archive.file).toBe('ntm.pmtiles');
    expect(readBuildManifest(dir2025())?.archive.file).toBe('ntm-2025-07.pmtiles');
    expect(manifests['2025-07'].archive.hashedName).toMatch(/^ntm-2025-07\.[0-9a-f]{12}\.pmtiles$/);
    expect(manifests['2025-07'].units).toEqual({ provinces: 1, districts: 0, communes: 96, communesWithPolygon: 96 });
    const before = statSync(join(dir2025(), 'ntm-2025-07.pmtiles')).mtimeMs;
    const again = await buildAllBoundaries({ sources, buildDir: root });
    expect(again['2025-07'].archive.sha256).toBe(manifests['2025-07'].archive.sha256);
    expect(statSync(join(dir2025(), 'ntm-2025-07.pmtiles')).mtimeMs).toBe(before);
  });

  it('writes an archive with provinces, communes and labels (no districts), feature id = code, and its own attribution', async () => {
    const pm = openArchive(new BufferSource(readFileSync(join(dir2025(), 'ntm-2025-07.pmtiles'))));
    const metadata = (await pm.getMetadata()) as { attribution: string; structure: string; vector_layers: Array<{ id: string; fields: Record<string, string> }> };
    expect(metadata.vector_layers.map((l) => l.id)).toEqual(['provinces', 'communes', 'labels']);
    expect(metadata.vector_layers.find((l) => l.id === 'communes')!.fields).not.toHaveProperty('district');
    expect(metadata.attribution).toBe(BOUNDARY_ATTRIBUTIONS['2025-07'].vi);
    expect(metadata.structure).toBe('2025-07');
    const codes = new Set(readUnitsIndex(dir2025()).units.filter((u) => u.level === 'commune').map((u) => u.code));
    const seen = new Set<string>();
    for (const { z, x, y } of await addressedTiles(pm)) {
      const vt = decode((await pm.getZxy(z, x, y))!.data);
      expect(vt.layers.districts).toBeUndefined();
      const communes = vt.layers.communes;
      for (let i = 0; communes && i < communes.length; i++) {
        const f = communes.feature(i);
        expect(f.id).toBe(Number(f.properties.code));
        expect(f.properties.district).toBeUndefined();
        expect(f.properties.province).toBe('51');
        expect(String(f.properties.name)).toMatch(/^(Xã|Phường|Đặc khu) /);
        seen.add(String(f.properties.code));
      }
    }
    expect([...codes].filter((c) => !seen.has(c))).toEqual([]);
    expect([...seen].filter((c) => !codes.has(c))).toEqual([]);
  });

  it("indexes today's units: communes under their province, no district, đặc khu not rural", () => {
    const units = readUnitsIndex(dir2025());
    expect(units.structure).toBe('2025-07');
    const lySon = units.units.find((u) => u.code === '21548')!;
    expect(lySon).toMatchObject({ level: 'commune', type: 'Đặc khu', name: 'Đặc khu Lý Sơn', parent: '51', province: '51', district: null, rural: false, hasPolygon: true, earlier: null });
    const [w, s, e, n] = lySon.bbox!;
    expect(lySon.label![0]).toBeGreaterThan(w); expect(lySon.label![0]).toBeLessThan(e);
    expect(lySon.label![1]).toBeGreaterThan(s); expect(lySon.label![1]).toBeLessThan(n);
    const communes = units.units.filter((u) => u.level === 'commune');
    expect(communes.every((u) => u.parent === '51' && u.district === null && u.rural === (u.type === 'Xã'))).toBe(true);
    expect(units.units.filter((u) => u.level === 'province').map((u) => u.name)).toEqual(['Tỉnh Quảng Ngãi']);
    // The pre-2025 index is unchanged: no `earlier`, districts as parents.
    const old = readUnitsIndex(structureBuildDir(root, 'pre2025'));
    expect(old.structure).toBe('pre2025');
    expect(old.units.some((u) => 'earlier' in u)).toBe(false);
    expect(old.units.find((u) => u.code === '23362')).toMatchObject({ parent: '610', district: '610', province: '62' });
  });

  it('writes per-province TopoJSON with communes and the province, naming the structure', () => {
    const topo = JSON.parse(readFileSync(join(dir2025(), 'topojson', '51.json'), 'utf8')) as Topology & { structure: string };
    expect(topo.structure).toBe('2025-07');
    expect(Object.keys(topo.objects).sort()).toEqual(['communes', 'province']);
    expect((topo.objects.communes as unknown as { geometries: unknown[] }).geometries).toHaveLength(96);
    const old = JSON.parse(readFileSync(join(structureBuildDir(root, 'pre2025'), 'topojson', '62.json'), 'utf8')) as { structure: string };
    expect(old.structure).toBe('pre2025');
  });

  it("gives the fixture a crosswalk excerpt: every old commune of the rows is in the pre-2025 fixture, every new commune with predecessors has rows", () => {
    const rows = readCrosswalk();
    const excerpt = readFileSync(join(sources['2025-07'], 'crosswalk.csv'), 'utf8').trim().split('\n');
    expect(excerpt[0]).toBe('old_commune_code,old_commune_name,old_district_code,old_province_code,new_commune_code,new_commune_name,new_province_code,link,source');
    const oldCodes = new Set(readUnitsIndex(structureBuildDir(root, 'pre2025')).units.filter((u) => u.level === 'commune').map((u) => u.code));
    const fixtureRows = rows.filter((r) => r.new_province_code === '51');
    expect(excerpt).toHaveLength(fixtureRows.length + 1);
    expect(fixtureRows.every((r) => oldCodes.has(r.old_commune_code))).toBe(true);
    const listed = JSON.parse(readFileSync(join(sources['2025-07'], 'units.json'), 'utf8')) as { provinces: Array<{ communes: Array<{ commune_code: string; n_predecessors: number }> }> };
    for (const c of listed.provinces[0]!.communes) {
      expect(fixtureRows.filter((r) => r.new_commune_code === c.commune_code).length, c.commune_code).toBe(c.n_predecessors);
    }
  });
});

describe('types that changed inside the 2025-07 structure (Đồng Nai fixture)', () => {
  it('gives the ten phường of 30/04/2026 and the province their earlier type and name, until 29/04/2026', async () => {
    const out = join(work, 'dong-nai');
    await buildAllBoundaries({ sources: writeEraFixture(join(work, 'in-dong-nai'), DONG_NAI_ERAS), buildDir: out });
    const units = readUnitsIndex(structureBuildDir(out, '2025-07')).units;
    expect(units.find((u) => u.code === '75')).toMatchObject({ name: 'Thành phố Đồng Nai', type: 'Thành phố Trung ương', earlier: { type: 'Tỉnh', name: 'Tỉnh Đồng Nai', until: '2026-04-29' } });
    expect(units.find((u) => u.code === '26368')).toMatchObject({ name: 'Phường Long Thành', type: 'Phường', rural: false, earlier: { type: 'Xã', name: 'Xã Long Thành', until: '2026-04-29' } });
    const changed = units.filter((u) => u.earlier).map((u) => u.code).sort();
    expect(changed).toEqual(['25270', '25357', '25363', '26116', '26170', '26248', '26326', '26368', '26425', '26485', '75']);
  }, 120_000);
});

describe('bad 2025-07 inputs', () => {
  const corruptions: Array<{ name: string; file: string; edit: (text: string) => string; message: RegExp }> = [
    { name: 'a thị trấn (abolished with the districts)', file: 'communes.topojson', edit: (t) => t.replace('"commune_type":"Xã"', '"commune_type":"Thị trấn"'), message: /^communes\.topojson: feature \d+ \(\d{5}\), property commune_type: .*got "Thị trấn"$/ },
    { name: 'a commune in a province of another structure', file: 'communes.topojson', edit: (t) => t.replace('"province_code":"51"', '"province_code":"62"'), message: /^communes\.topojson: feature \d+ \(\d{5}\), property province_code: province 62 is not in provinces\.topojson$/ },
    { name: 'a listing without its date', file: 'units.json', edit: (t) => t.replace(/"state_as_of":"[^"]*"/, '"state_as_of":"recently"'), message: /^units\.json: field state_as_of: expected a text starting with a YYYY-MM-DD date$/ },
  ];
  for (const c of corruptions) {
    it(`refuses ${c.name}, naming file, feature and field, and keeps the previous build`, async () => {
      const bad = writeBoundaryFixture2025(join(work, `bad-${c.name.replace(/\W+/g, '-')}`), ['51']);
      const path = join(bad, c.file);
      const edited = c.edit(readFileSync(path, 'utf8'));
      expect(edited).not.toBe(readFileSync(path, 'utf8'));
      writeFileSync(path, edited);
      const before = readFileSync(join(dir2025(), 'BUILD.json'), 'utf8');
      const attempt = buildAllBoundaries({ sources: { ...sources, '2025-07': bad }, buildDir: root });
      await expect(attempt).rejects.toThrow(BoundaryInputError);
      await expect(buildAllBoundaries({ sources: { ...sources, '2025-07': bad }, buildDir: root })).rejects.toThrow(c.message);
      expect(readFileSync(join(dir2025(), 'BUILD.json'), 'utf8')).toBe(before);
      expect(statSync(join(dir2025(), 'ntm-2025-07.pmtiles')).size).toBe(manifests['2025-07'].archive.bytes);
    });
  }

  it('exits non-zero from the command line with one line for an unknown structure or bad input', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-build.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    const unknown = run('--structure', '2026', '--out', join(work, 'cli-out'));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toEqual(['data:build: --structure must be one of pre2025, 2025-07, got "2026"']);
    const bad = writeBoundaryFixture2025(join(work, 'cli-bad'), ['51']);
    writeFileSync(join(bad, 'provinces.topojson'), '{"type": "Topology"');
    const refused = run('--structure', '2025-07', '--boundaries', bad, '--out', join(work, 'cli-out'));
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^data:build: provinces\.topojson: not valid JSON/);
    expect(existsSync(join(work, 'cli-out', '2025-07'))).toBe(false);
  });
});

describe('the whole-country 2025-07 archive of the test setup', () => {
  it('carries exactly the 3,321 commune codes and the 34 province codes of units.json, every tile within 500 KB', async () => {
    type Listing = { provinces: Array<{ province_code: string; communes: Array<{ commune_code: string }> }> };
    const listing = JSON.parse(readBoundaryFile(DEFAULT_BOUNDARIES_2025_DIR, 'units.json').toString('utf8')) as Listing;
    const communeCodes = listing.provinces.flatMap((p) => p.communes.map((c) => c.commune_code)).sort();
    const provinceCodes = listing.provinces.map((p) => p.province_code).sort();
    expect(communeCodes).toHaveLength(3321);
    expect(provinceCodes).toHaveLength(34);

    const dir = structureBuildDir(BUILD_DIR, '2025-07');
    const manifest = readBuildManifest(dir)!;
    expect(manifest.units).toEqual({ provinces: 34, districts: 0, communes: 3321, communesWithPolygon: 3321 });
    const pm = openArchive(new BufferSource(readFileSync(join(dir, manifest.archive.file))));
    const communes = new Set<string>();
    const provinces = new Set<string>();
    const labelsAtZ0 = new Set<string>();
    const tiles = await addressedTiles(pm);
    expect(tiles.length).toBe(manifest.tiles.count);
    for (const { z, x, y } of tiles) {
      const data = (await pm.getZxy(z, x, y))!.data;
      expect(data.byteLength).toBeLessThanOrEqual(500 * 1024);
      const vt = decode(data);
      for (const [name, into] of [['communes', communes], ['provinces', provinces]] as const) {
        const layer = vt.layers[name];
        for (let i = 0; layer && i < layer.length; i++) into.add(String(layer.feature(i).properties.code));
      }
      const labels = vt.layers.labels;
      for (let i = 0; z === 0 && labels && i < labels.length; i++) labelsAtZ0.add(String(labels.feature(i).properties.name));
    }
    expect([...communes].sort()).toEqual(communeCodes);
    expect([...provinces].sort()).toEqual(provinceCodes);
    // The archipelagos are named from zoom 0, as in the pre-2025 archive.
    expect(labelsAtZ0).toContain('Đặc khu Hoàng Sa');
    expect(labelsAtZ0).toContain('Đặc khu Trường Sa');
  }, 120_000);
});
