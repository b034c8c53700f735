// The bare MapLibre page of bench/map.ts: the same maplibre-gl and pmtiles builds as the map page (from
// node_modules), the same archive, viewport and camera, and one plain fill layer of the communes: no feature
// state, no labels, no hatch, no lines. Its first `idle` is the floor the map page's first choropleth is
// compared with. The camera and archive come in the query: ?archive=/tiles/x.pmtiles&center=lon,lat&zoom=z.
/* global maplibregl, pmtiles */
const params = new URLSearchParams(location.search);
const protocol = new pmtiles.Protocol();
maplibregl.addProtocol('pmtiles', protocol.tile);
const [lon, lat] = (params.get('center') ?? '106,16').split(',').map(Number);
const map = new maplibregl.Map({
  container: 'map',
  center: [lon, lat],
  zoom: Number(params.get('zoom') ?? 5),
  fadeDuration: 0,
  style: {
    version: 8,
    sources: { boundaries: { type: 'vector', url: `pmtiles://${new URL(params.get('archive'), location.href).href}` } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f3' } },
      { id: 'communes-fill', type: 'fill', source: 'boundaries', 'source-layer': 'communes', minzoom: 4, paint: { 'fill-color': '#74a9cf' } },
    ],
  },
});
map.once('idle', () => {
  document.documentElement.dataset.ready = 'true';
  performance.mark('ntm:first-choropleth');
});
window.ntm = { map };
