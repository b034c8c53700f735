// The boundary build on a real subset (Kon Tum and Quảng Nam): archive contents read back with the
// pmtiles reader, downloads, units index, no-op rebuild, and bad inputs that leave the last build intact.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoundaries, readUnitsIndex, type BuildManifest } from '../../../scripts/boundary/build.ts';
import { BoundaryInputError } from '../../../scripts/boundary/sources.ts';
import { ROOT } from '../../../server/config/paths.ts';
import { writeBoundaryFixture } from '../../fixtures/boundaries.ts';
import { addressedTiles, BufferSource, openArchive } from '../../support/pmtiles.ts';

const work = mkdtempSync(join(tmpdir(), 'ntm-build-'));
const input = join(work, 'in');
const out = join(work, 'build');
let manifest: BuildManifest;

beforeAll(async () => {
  writeBoundaryFixture(input, ['62', '49']);
  ({ manifest } = await buildBoundaries({ boundariesDir: input, outDir: out }));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('boundary build', () => {
  it('writes a PMTiles v3 archive whose every tile decodes, with the three layers and their codes', async () => {
    const archive = readFileSync(join(out, 'ntm.pmtiles'));
    const pm = openArchive(new BufferSource(archive));
    const header = await pm.getHeader();
    expect(header.specVersion).toBe(3);
    expect([header.minZoom, header.maxZoom]).toEqual([0, 12]);
    // Kon Tum and Quảng Nam lie between 107.2-108.8 E and 13.9-16.1 N.
    expect(header.minLon).toBeGreaterThan(107); expect(header.maxLon).toBeLessThan(109);
    expect(header.minLat).toBeGreaterThan(13.5); expect(header.maxLat).toBeLessThan(16.5);
    const metadata = (await pm.getMetadata()) as { vector_layers: Array<{ id: string }> };
    expect(metadata.vector_layers.map((l) => l.id)).toEqual(['provinces', 'districts', 'communes', 'labels']);

    const units = readUnitsIndex(out);
    const communeCodes = new Set(units.units.filter((u) => u.level === 'commune').map((u) => u.code));
    const seen = new Set<string>();
    const tiles = await addressedTiles(pm);
    expect(tiles.length).toBe(manifest.tiles.count);
    for (const { z, x, y } of tiles) {
      const data = (await pm.getZxy(z, x, y))!.data;
      expect(data.byteLength).toBeLessThan(500 * 1024);
      const vt = new VectorTile(new PbfReader(new Uint8Array(data)));
      expect(Object.keys(vt.layers).length).toBeGreaterThan(0);
      if (z < 4) expect(vt.layers.communes).toBeUndefined();
      const communes = vt.layers.communes;
      for (let i = 0; communes && i < communes.length; i++) {
        const f = communes.feature(i);
        const { code, name, district, province } = f.properties;
        expect(typeof code).toBe('string');
        expect(communeCodes.has(code as string)).toBe(true);
        expect(f.id).toBe(Number(code));
        expect(String(district)).toMatch(/^\d{3}$/);
        expect(['62', '49']).toContain(province);
        expect(String(name)).toMatch(/^(Xã|Phường|Thị trấn) /i); // GSO writes "Thị Trấn Ái Nghĩa" too
        seen.add(code as string);
      }
    }
    // Every commune with a polygon is drawn somewhere in the archive.
    const withPolygon = units.units.filter((u) => u.level === 'commune' && u.hasPolygon).map((u) => u.code);
    expect(withPolygon.filter((c) => !seen.has(c))).toEqual([]);
  });

  it('draws communes from zoom 4 with more detail at zoom 12 than at zoom 5', async () => {
    const pm = openArchive(new BufferSource(readFileSync(join(out, 'ntm.pmtiles'))));
    const tiles = await addressedTiles(pm);
    const vertices = async (z: number) => {
      let n = 0;
      for (const t of tiles.filter((t) => t.z === z)) {
        const layer = new VectorTile(new PbfReader(new Uint8Array((await pm.getZxy(t.z, t.x, t.y))!.data))).layers.communes;
        for (let i = 0; layer && i < layer.length; i++) n += layer.feature(i).loadGeometry().flat().length;
      }
      return n;
    };
    const [z5, z12] = [await vertices(5), await vertices(12)];
    expect(z5).toBeGreaterThan(0);
    expect(z12).toBeGreaterThan(z5 * 3);
  });

  it('writes a quantised TopoJSON per province and a units index with bbox and label points inside the bbox', () => {
    const topo = JSON.parse(readFileSync(join(out, 'topojson', '62.json'), 'utf8')) as Topology;
    expect(topo.transform).toBeDefined();
    expect(Object.keys(topo.objects).sort()).toEqual(['communes', 'districts', 'province']);
    const communes = feature(topo, topo.objects.communes!) as unknown as { features: Array<{ properties: { code: string } }> };
    expect(communes.features.length).toBe(102); // Kon Tum: 102 communes, all with a polygon
    expect(new Set((topo.objects.communes as unknown as { geometries: Array<{ id: unknown }> }).geometries.map((g) => typeof g.id))).toEqual(new Set(['string']));
    const units = readUnitsIndex(out).units;
    const hoong = units.find((u) => u.code === '23362')!;
    expect(hoong).toMatchObject({ name: 'Xã Mường Hoong', level: 'commune', district: '610', province: '62', rural: true, hasPolygon: true });
    const [w, s, e, n] = hoong.bbox!;
    const [lon, lat] = hoong.label!;
    expect(lon).toBeGreaterThan(w); expect(lon).toBeLessThan(e);
    expect(lat).toBeGreaterThan(s); expect(lat).toBeLessThan(n);
    expect(units.find((u) => u.code === '23473')).toMatchObject({ type: 'Thị trấn', rural: false });
  });

  it('does nothing when the inputs are unchanged', async () => {
    const before = statSync(join(out, 'ntm.pmtiles')).mtimeMs;
    const result = await buildBoundaries({ boundariesDir: input, outDir: out });
    expect(result.skipped).toBe(true);
    expect(result.manifest.archive.sha256).toBe(manifest.archive.sha256);
    expect(statSync(join(out, 'ntm.pmtiles')).mtimeMs).toBe(before);
  });

  const corruptions: Array<{ name: string; file: string; edit: (text: string) => string; message: RegExp }> = [
    { name: 'a 4-digit commune code', file: 'communes.topojson', edit: (t) => t.replace('"commune_code":"23362"', '"commune_code":"2336"'), message: /communes\.topojson: feature \d+ \(2336\), property commune_code: expected a 5-digit GSO commune code/ },
    { name: 'a commune in an unknown district', file: 'communes.topojson', edit: (t) => t.replace('"district_code":"610"', '"district_code":"999"'), message: /communes\.topojson: feature \d+ \(\d{5}\), property district_code: district 999 is not in districts\.topojson/ },
    { name: 'a line instead of a polygon', file: 'districts.topojson', edit: (t) => t.replace('"type":"Polygon"', '"type":"LineString"'), message: /districts\.topojson: feature \d+ \(\d{3}\), field type: expected Polygon or MultiPolygon, got "LineString"/ },
    { name: 'truncated JSON', file: 'provinces.topojson', edit: (t) => t.slice(0, t.length / 2), message: /provinces\.topojson: not valid JSON/ },
    { name: 'an arc index out of range', file: 'communes.topojson', edit: (t) => t.replace(/"arcs":\[\[(\d+)/, '"arcs":[[999999'), message: /communes\.topojson: feature 0 \(\d{5}\), field arcs/ },
  ];
  for (const c of corruptions) {
    it(`refuses ${c.name}, naming file, feature and field, and keeps the previous build`, async () => {
      const bad = join(work, `bad-${c.name.replace(/\W+/g, '-')}`);
      writeBoundaryFixture(bad, ['62']);
      const path = join(bad, c.file);
      const edited = c.edit(readFileSync(path, 'utf8'));
      expect(edited).not.toBe(readFileSync(path, 'utf8'));
      writeFileSync(path, edited);
      const before = readFileSync(join(out, 'BUILD.json'), 'utf8');
      await expect(buildBoundaries({ boundariesDir: bad, outDir: out })).rejects.toThrow(BoundaryInputError);
      await expect(buildBoundaries({ boundariesDir: bad, outDir: out })).rejects.toThrow(c.message);
      expect(readFileSync(join(out, 'BUILD.json'), 'utf8')).toBe(before);
      expect(statSync(join(out, 'ntm.pmtiles')).size).toBe(manifest.archive.bytes);
    });
  }

  it('exits non-zero from the command line with one line naming the problem', () => {
    const bad = join(work, 'cli-bad');
    writeBoundaryFixture(bad, ['62']);
    writeFileSync(join(bad, 'units.json'), '{"source": "x", "provinces": [{"province_code": "6"}]}');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-build.ts', '--boundaries', bad, '--out', join(work, 'cli-out')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^data:build: units\.json: field provinces\.0\.province_code: expected a 2-digit GSO province code$/);
  });
});
