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

  it('documents the field in the OpenAPI document', async () => {
    const doc = (await (await api.request('/api/openapi.json')).json()) as { components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> } };
    expect(doc.components.schemas.Health!.properties).toHaveProperty('basemap');
    expect(doc.components.schemas.Health!.required).toContain('basemap');
  });
});
