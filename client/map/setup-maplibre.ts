// Registers the pmtiles:// protocol once. (MapLibre 5's bundle carries its worker inline and starts it from a
// blob: URL, which the CSP allows: one script of 270 KB gzipped instead of 6.x's module and separate worker,
// 430 KB, whose code is largely the same twice.)
import { addProtocol } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { PMTiles, Protocol } from 'pmtiles';

const protocol = new Protocol();
addProtocol('pmtiles', protocol.tile);

/** Starts reading an archive's header and root directory (its first 16 KB) at once, before MapLibre asks for
 * them: the map's style loads only on the next animation frame after the map is made, and the page's
 * first frames are long (the first shaders compiled), so that its request otherwise waits behind them while
 * every tile waits for it. The protocol then answers MapLibre from this archive's cache. */
export function openArchive(archiveUrl: string): void {
  const url = new URL(archiveUrl, location.href).href;
  if (protocol.get(url)) return;
  const archive = new PMTiles(url);
  protocol.add(archive);
  archive.getHeader().catch(() => {}); // a failure is MapLibre's to report, when it asks again
}
