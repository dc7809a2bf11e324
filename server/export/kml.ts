import { type NamedPolygon, signedArea } from './geometry';

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
/** 10 decimals of a degree ≈ 0.01 mm. */
const coords = (ring: [number, number][], ccw: boolean) => {
  const r = signedArea(ring) > 0 === ccw ? ring : ring.slice().reverse();
  return [...r, r[0]].map(([lon, lat]) => `${lon.toFixed(10)},${lat.toFixed(10)}`).join(' ');
};

export function writeKml(polys: NamedPolygon[], docName: string): string {
  const placemarks = polys.map((p) => {
    const [outer, ...holes] = p.rings;
    return [
      '    <Placemark>',
      `      <name>${esc(p.name)}</name>`,
      '      <Polygon>',
      `        <outerBoundaryIs><LinearRing><coordinates>${coords(outer, true)}</coordinates></LinearRing></outerBoundaryIs>`,
      ...holes.map(
        (h) => `        <innerBoundaryIs><LinearRing><coordinates>${coords(h, false)}</coordinates></LinearRing></innerBoundaryIs>`,
      ),
      '      </Polygon>',
      '    </Placemark>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '  <Document>',
    `    <name>${esc(docName)}</name>`,
    ...placemarks,
    '  </Document>',
    '</kml>',
    '',
  ].join('\n');
}
