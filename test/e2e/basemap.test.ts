// The optional basemap (NTM_BASEMAP_STYLE_URL): a tiny MapLibre style served by the test itself on
// another origin (no internet), with a GeoJSON source it fetches from that origin. The server names it in
// /api/v1/health and lets the page reach its origin (CSP); the map draws it under the choropleth.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapIdle, useMapPage } from '../support/e2e.ts';

describe('basemap from the configuration', () => {
  let styleServer: Server;
  let origin = '';
  const asked: string[] = [];
  beforeAll(async () => {
    styleServer = createServer((req, res) => {
      asked.push(req.url ?? '');
      const send = (body: unknown) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/style.json') {
        send({
          version: 8,
          sources: { sea: { type: 'geojson', data: `${origin}/sea.geojson` } },
          layers: [
            { id: 'basemap-background', type: 'background', paint: { 'background-color': '#cfe3ef' } },
            { id: 'basemap-sea', type: 'fill', source: 'sea', paint: { 'fill-color': '#9cc3da' } },
          ],
        });
      } else if (req.url === '/sea.geojson') {
        send({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[109.7, 8], [118, 8], [118, 22], [109.7, 22], [109.7, 8]]] } }] });
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => styleServer.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(styleServer.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => styleServer.close(() => resolve())));
  const e2e = useMapPage(() => ({ NTM_BASEMAP_STYLE_URL: `${origin}/style.json` }));

  it('names the basemap in the health check and allows its origin in the CSP', async () => {
    const res = await fetch(`${e2e.url}/api/v1/health`);
    expect(((await res.json()) as { basemap: string | null }).basemap).toBe(`${origin}/style.json`);
    const csp = (await fetch(`${e2e.url}/`)).headers.get('Content-Security-Policy')!;
    expect(csp).toMatch(new RegExp(`connect-src [^;]*${origin.replace(/[.:/]/g, '\\$&')}`));
    expect(csp).toMatch(new RegExp(`img-src [^;]*${origin.replace(/[.:/]/g, '\\$&')}`));
  });

  it('draws the basemap under the choropleth, without console or CSP errors', async () => {
    const page = await e2e.open('/');
    await mapIdle(page);
    const order = await page.evaluate(() => window.ntm!.map.getStyle().layers.map((l) => l.id));
    expect(order.indexOf('basemap-sea')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('basemap-sea')).toBeLessThan(order.indexOf('communes-fill'));
    expect(order).not.toContain('background'); // the basemap replaces the plain background
    // The sea polygon, fetched from the basemap's origin, is drawn east of the coast.
    const sea = await page.evaluate(() => {
      const map = window.ntm!.map;
      return map.queryRenderedFeatures(map.project([112, 12]), { layers: ['basemap-sea'] }).length;
    });
    expect(sea).toBe(1);
    expect(asked).toEqual(expect.arrayContaining(['/style.json', '/sea.geojson']));
    expect(await page.locator('#legend li[data-class="dat_chuan"]').count()).toBe(1);
    await e2e.screenshot(page, 'basemap-desktop');
    await page.close();
    expect(e2e.errors).toEqual([]);
  });
});
