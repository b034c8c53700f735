// GET /api/v1/health and the optional basemap (NTM_BASEMAP_STYLE_URL): named in the health answer and in
// the OpenAPI document, its origin allowed by the Content-Security-Policy; none by default.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { basemapOrigins, basemapStyleUrl } from '../../../server/health/basemap.ts';
import { seededApis } from '../../support/api.ts';

describe('basemap configuration', () => {
  it('reads the style URL and its origin from the environment', () => {
    expect(basemapStyleUrl({})).toBeNull();
    expect(basemapOrigins({})).toEqual([]);
    expect(basemapStyleUrl({ NTM_BASEMAP_STYLE_URL: 'https://tiles.example.org/styles/light.json' })).toBe('https://tiles.example.org/styles/light.json');
    expect(basemapOrigins({ NTM_BASEMAP_STYLE_URL: 'https://tiles.example.org:8443/styles/light.json' })).toEqual(['https://tiles.example.org:8443']);
    expect(basemapOrigins({ NTM_BASEMAP_STYLE_URL: '/basemap/style.json' })).toEqual([]); // this server: 'self'
    expect(() => basemapStyleUrl({ NTM_BASEMAP_STYLE_URL: 'javascript:alert(1)' })).toThrow(/NTM_BASEMAP_STYLE_URL/);
  });
});

describe.each(seededApis())('GET /api/v1/health on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    api = await open();
  });
  afterAll(() => api.close());
  afterEach(() => {
    delete process.env.NTM_BASEMAP_STYLE_URL;
  });

  it('says there is no basemap by default, and names it when configured, with its origin in the CSP', async () => {
    const plain = (await (await api.request('/api/v1/health')).json()) as { basemap: string | null; communes: number };
    expect(plain.basemap).toBeNull();
    expect(plain.communes).toBe(10047);
    process.env.NTM_BASEMAP_STYLE_URL = 'https://tiles.example.org/styles/light.json';
    const configured = await open(); // the CSP is set when the app is built
    try {
      const res = await configured.request('/api/v1/health');
      expect(((await res.json()) as { basemap: string | null }).basemap).toBe('https://tiles.example.org/styles/light.json');
      expect(res.headers.get('Content-Security-Policy')).toMatch(/connect-src 'self' https:\/\/tiles\.example\.org/);
      expect(res.headers.get('Content-Security-Policy')).toMatch(/img-src [^;]*https:\/\/tiles\.example\.org/);
    } finally {
      await configured.close();
    }
  });

  it('names the archive the map draws (pre-2025) and the archive of each unit structure, each served under /tiles', async () => {
    const body = (await (await api.request('/api/v1/health')).json()) as { tiles: string; archives: Record<string, string> };
    const { builds } = api.ctx;
    expect(body.tiles).toBe(`/tiles/${builds.pre2025.manifest.archive.hashedName}`);
    expect(body.archives).toEqual({ pre2025: body.tiles, '2025-07': `/tiles/${builds['2025-07'].manifest.archive.hashedName}` });
    expect(body.archives['2025-07']).toMatch(/^\/tiles\/ntm-2025-07\.[0-9a-f]{12}\.pmtiles$/);
    for (const url of Object.values(body.archives)) {
      const res = await api.request(url, { headers: { Range: 'bytes=0-6' } });
      expect(res.status).toBe(206);
      expect(new TextDecoder().decode(await res.arrayBuffer())).toBe('PMTiles');
    }
  });

  it('documents the field in the OpenAPI document', async () => {
    const doc = (await (await api.request('/api/openapi.json')).json()) as { components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> } };
    expect(doc.components.schemas.Health!.properties).toHaveProperty('basemap');
    expect(doc.components.schemas.Health!.required).toContain('basemap');
    expect(doc.components.schemas.Health!.required).toContain('archives');
    expect(doc.components.schemas.BoundaryArchives!.required).toEqual(['pre2025', '2025-07']);
  });
});
