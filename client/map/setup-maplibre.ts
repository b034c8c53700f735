// Registers the pmtiles:// protocol once. (MapLibre 5's bundle carries its worker inline and starts it from a
// blob: URL, which the CSP allows: one script of 270 KB gzipped instead of 6.x's module and separate worker,
// 430 KB, whose code is largely the same twice.)
import { addProtocol } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { Protocol } from 'pmtiles';

const protocol = new Protocol();
addProtocol('pmtiles', protocol.tile);
