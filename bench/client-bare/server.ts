/** @module The bare MapLibre page's server (bench/map.ts, bench/client-profile.ts): the page and MapLibre's and
 * pmtiles' own builds from node_modules (the versions the map page bundles); every other request is passed to
 * the map's server, so that the archive is read from the same origin, with the same headers, as the map reads it. */
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../server/config/paths.ts';

/** Serves the bare page and MapLibre's and pmtiles' own builds; everything else goes to the map's server,
 * so that the archive is read from the same origin, with the same headers, as the map page reads it. */
export function bareServer(target: string): Promise<{ url: string; server: Server }> {
  const files: Record<string, [string, string]> = {
    '/__bare/': [join(ROOT, 'bench', 'client-bare', 'index.html'), 'text/html; charset=utf-8'],
    '/__bare/bare.js': [join(ROOT, 'bench', 'client-bare', 'bare.js'), 'text/javascript'],
    '/__bare/maplibre-gl.js': [join(ROOT, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl.js'), 'text/javascript'],
    '/__bare/maplibre-gl.css': [join(ROOT, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl.css'), 'text/css'],
    '/__bare/pmtiles.js': [join(ROOT, 'node_modules', 'pmtiles', 'dist', 'pmtiles.js'), 'text/javascript'],
    '/robots.txt': ['', 'text/plain'],
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files[path];
    if (file) {
      // Gzipped as the map's server compresses its scripts, so that the bytes compare.
      const body = file[0] ? readFileSync(file[0]) : Buffer.from('User-agent: *\nAllow: /\n');
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-cache', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
      res.end(gzip ? gzipSync(body) : body);
      return;
    }
    const upstream = request(`${target}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })));
}

