/**
 * Contract-annex corner table: 地块, 圈号, 序号, 东经 and 北纬 in DMS (0.0001″), 3° and 6° Gauss-Krüger X/Y with
 * zone prefix (mm). Closing corners are not repeated.
 */
import { formatDms } from '../geodesy/dms';
import { gkCrsForZone, lonLatToGkConverter } from '../geodesy/crs';
import { type NamedPolygon, zonesFor } from './geometry';

import { csvCell as q } from './csv-cell';

export function writeCornerCsv(polys: NamedPolygon[]): string {
  const { zone3, zone6 } = zonesFor(polys);
  const to3 = lonLatToGkConverter(gkCrsForZone(zone3)!);
  const to6 = lonLatToGkConverter(gkCrsForZone(zone6)!);
  const rows = [['地块', '圈号', '序号', '东经', '北纬', '3度带X', '3度带Y', '6度带X', '6度带Y'].join(',')];
  for (const p of polys) {
    let n = 0;
    p.rings.forEach((ring, r) => {
      for (const [lon, lat] of ring) {
        const g3 = to3(lon, lat);
        const g6 = to6(lon, lat);
        rows.push(
          [
            q(p.name),
            String(r + 1),
            String(++n),
            formatDms(lon),
            formatDms(lat),
            g3.x.toFixed(3),
            g3.y.toFixed(3),
            g6.x.toFixed(3),
            g6.y.toFixed(3),
          ].join(','),
        );
      }
    });
  }
  return rows.join('\r\n') + '\r\n';
}
