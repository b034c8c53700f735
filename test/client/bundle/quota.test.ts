/** @module The pages' own JS against their budgets (test/client/bundle/quota.json), on the client as built
 * (MapLibre's bundle-size test is the model): the map page (client/index.html, 60 KB gzipped, bench/client.ts)
 * and the embeddable widget (client/embed/index.html, 30 KB, bench/embed.ts). A page's own JS is every
 * chunk its entry imports, at once or later (Vite's manifest), without the maplibre-gl and pmtiles chunks
 * (vite.config.ts puts them apart); each chunk gzipped at level 9. The test setup builds dist/ when it is
 * older than client/; when the run skipped that (NTM_SKIP_CLIENT_BUILD=1) and dist/ is stale, this file
 * builds the client into a folder of its own, so that it never measures old code nor rewrites dist/. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIST_DIR, ROOT } from '../../../server/config/paths.ts';
import { clientIsStale } from '../../../server/start.ts';
import quota from './quota.json' with { type: 'json' };

interface Chunk { file: string; name?: string; imports?: string[]; dynamicImports?: string[] }
type Manifest = Record<string, Chunk>;

/** The chunks of the libraries, named in vite.config.ts's advancedChunks groups. */
const LIBRARIES = new Set(['maplibre', 'pmtiles']);
const PAGES = { 'map page': 'index.html', widget: 'embed/index.html' } as const;

let dist = CLIENT_DIST_DIR;
let built: string | null = null;
let manifest: Manifest;
const gzipped = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** Every chunk an entry loads, at once or later. */
function chunksOf(key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (seen.has(key) || !chunk) return seen;
  seen.add(key);
  for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) chunksOf(next, seen);
  return seen;
}
const jsOf = (entry: string) => [...chunksOf(entry)].map((k) => manifest[k]!).filter((c) => c.file.endsWith('.js'));
const ownJs = (entry: string) => jsOf(entry).filter((c) => !LIBRARIES.has(c.name ?? ''));

describe('own JS of the pages within their budgets', () => {
  beforeAll(async () => {
    if (clientIsStale()) {
      built = mkdtempSync(join(tmpdir(), 'ntm-quota-dist-'));
      const { build } = await import('vite');
      await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: built, emptyOutDir: true } });
      dist = built;
    }
    manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  }, 300_000);
  afterAll(() => {
    if (built) rmSync(built, { recursive: true, force: true });
  });

  it('measures the app\'s own chunks, not the libraries\' (which every page loads apart)', () => {
    for (const entry of Object.values(PAGES)) {
      const all = jsOf(entry);
      const libraries = all.filter((c) => LIBRARIES.has(c.name ?? ''));
      expect(libraries.map((c) => c.name).sort(), entry).toEqual(['maplibre', 'pmtiles']);
      expect(libraries.reduce((n, c) => n + gzipped(c.file), 0), entry).toBeGreaterThan(150 * 1024);
      expect(ownJs(entry).map((c) => c.file), entry).toContain(manifest[entry]!.file);
    }
  });

  for (const [page, entry] of Object.entries(PAGES) as Array<[keyof typeof PAGES, string]>) {
    it(`keeps the ${page}'s own JS within its budget`, () => {
      const chunks = ownJs(entry);
      const bytes = chunks.reduce((n, c) => n + gzipped(c.file), 0);
      const budget = quota[page];
      console.log(`${page}: own JS ${(bytes / 1024).toFixed(1)} KB gzipped of ${(budget / 1024).toFixed(1)} KB (${chunks.length} chunks)`);
      expect(bytes, `the ${page}'s own JS (${chunks.map((c) => c.file).join(', ')}) is ${bytes} bytes gzipped, over its budget of ${budget} (test/client/bundle/quota.json)`).toBeLessThanOrEqual(budget);
    });
  }
});
