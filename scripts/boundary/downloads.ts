// Writes one quantised TopoJSON file per province (its communes, districts and outline) for
// downloads and analysis.
import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import type { BoundaryFeature } from './layers.ts';

export const DOWNLOAD_QUANTIZATION = 1e5;

// Feature ids are the GSO codes as strings here ("00001"); the tiles use numbers because MVT ids must be.
const collection = (features: BoundaryFeature[]): FeatureCollection => ({ type: 'FeatureCollection', features: features.map((f) => ({ ...f, id: f.properties.code })) });

/** Province code → TopoJSON text with objects `communes`, `districts`, `province`. */
export function provinceTopologies(features: { provinces: BoundaryFeature[]; districts: BoundaryFeature[]; communes: BoundaryFeature[] }): Map<string, string> {
  const out = new Map<string, string>();
  for (const province of features.provinces) {
    const code = province.properties.code;
    const inProvince = (f: BoundaryFeature) => f.properties.province === code;
    const topo = topology(
      {
        communes: collection(features.communes.filter(inProvince)),
        districts: collection(features.districts.filter(inProvince)),
        province: collection([province]),
      },
      DOWNLOAD_QUANTIZATION,
    );
    out.set(code, JSON.stringify(topo));
  }
  return out;
}
