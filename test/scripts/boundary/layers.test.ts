// Per-zoom simplification keeps shared borders shared: simplified communes tile the province with
// no gaps or overlaps, where simplifying each polygon on its own opens slivers between neighbours.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { area, featureCollection, simplify as turfSimplify, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { fullResolution, minWeightAtZoom, prepareLayers, simplifiedAtZoom } from '../../../scripts/boundary/layers.ts';
import { loadBoundarySources, readBoundaryInputs } from '../../../scripts/boundary/sources.ts';
import { writeBoundaryFixture } from '../../fixtures/boundaries.ts';

const dir = mkdtempSync(join(tmpdir(), 'ntm-layers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const layers = prepareLayers(loadBoundarySources(readBoundaryInputs(writeBoundaryFixture(dir, ['62']))));
const communes = layers.find((l) => l.name === 'communes')!;

type Poly = Feature<Polygon | MultiPolygon>;
const holes = (f: Poly | null) => (f ? (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).reduce((n, p) => n + p.length - 1, 0) : 0);
function tiling(features: Poly[]) {
  const sum = features.reduce((s, f) => s + area(f), 0);
  const merged = union(featureCollection(features)) as Poly | null;
  return { overlap: (sum - area(merged!)) / sum, holes: holes(merged) };
}

describe('topology-preserving simplification', () => {
  const original = tiling(fullResolution(communes));

  it('removes points as the zoom decreases', () => {
    const count = (z: number) => simplifiedAtZoom(communes, z).features.reduce((n, f) => n + JSON.stringify(f.geometry).split('],[').length, 0);
    expect(count(5)).toBeLessThan(count(9));
    expect(count(9)).toBeLessThan(count(12) + 1);
    expect(minWeightAtZoom(5)).toBeGreaterThan(minWeightAtZoom(12));
  });

  for (const z of [5, 7, 9]) {
    it(`leaves no gap and no overlap between neighbouring communes at zoom ${z}`, () => {
      const simplified = tiling(simplifiedAtZoom(communes, z).features);
      expect(simplified.holes).toBeLessThanOrEqual(original.holes);
      expect(Math.abs(simplified.overlap)).toBeLessThan(1e-6);
    });
  }

  it('is needed: simplifying each commune on its own opens slivers at zoom 5', () => {
    const tolerance = Math.sqrt(minWeightAtZoom(5)) * 2;
    const naive = tiling(fullResolution(communes).map((f) => turfSimplify(f, { tolerance }) as Poly));
    expect(naive.holes > original.holes || Math.abs(naive.overlap) > 1e-4).toBe(true);
  });
});
