// Placeholder map page until the map client lands: draws the boundary archive and what the
// server reports about its data.
import './map/setup-maplibre.ts';
import { Map as MapLibreMap, NavigationControl } from 'maplibre-gl';
import { boundaryStyle } from './map/boundary-style.ts';

interface Health { communes: number; periods: [string, string] | null; database: string; tiles: string }

declare global {
  interface Window { ntm?: { map: MapLibreMap } }
}

const status = document.getElementById('status');
const health = (await fetch('/api/v1/health').then((r) => r.json())) as Health;
if (status) {
  status.textContent = `${health.communes.toLocaleString('vi-VN')} xã, phường, thị trấn · ${health.periods ? `${health.periods[0]} – ${health.periods[1]}` : '—'}`;
}
const map = new MapLibreMap({ container: 'map', style: boundaryStyle(health.tiles), bounds: [102.1, 8.3, 109.6, 23.4], fitBoundsOptions: { padding: 20 }, attributionControl: { compact: true } });
map.addControl(new NavigationControl({ showCompass: false }));
window.ntm = { map };
map.once('idle', () => { document.documentElement.dataset.ready = 'true'; });
