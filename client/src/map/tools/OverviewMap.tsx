/** A small inset of China (provinces from the bundled base map) with the main map's view as a red frame; click to go. */
import { useEffect, useRef } from 'react';
import type { MapController } from '../controller';
import { loadBase } from './basemap';
import { frameFor, toLonLat, toPixel, viewRect } from './overview';

const WIDTH = 168;
const FRAME = frameFor(WIDTH);

export function OverviewMap({ ctl, label }: { ctl: MapController; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const frame = FRAME;

  useEffect(() => {
    const canvas = ref.current!;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = frame.width * dpr;
    canvas.height = frame.height * dpr;
    const g = canvas.getContext('2d')!;
    let base: GeoJSON.FeatureCollection | null = null;
    let raf = 0;
    const draw = () => {
      raf = 0;
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.fillStyle = '#dfe9f1';
      g.fillRect(0, 0, frame.width, frame.height);
      for (const f of base?.features ?? []) {
        const kind = f.properties?.kind;
        if (kind !== 'province' && kind !== 'river') continue;
        const polys =
          f.geometry.type === 'Polygon'
            ? [f.geometry.coordinates]
            : f.geometry.type === 'MultiPolygon'
              ? f.geometry.coordinates
              : f.geometry.type === 'MultiLineString'
                ? [f.geometry.coordinates]
                : [];
        g.beginPath();
        for (const rings of polys)
          for (const ring of rings)
            ring.forEach((c, i) => {
              const [x, y] = toPixel(frame, c[0], c[1]);
              if (i) g.lineTo(x, y);
              else g.moveTo(x, y);
            });
        if (kind === 'province') {
          g.fillStyle = f.properties?.name_en === 'Shanxi' ? '#e8dcb5' : '#f6f5ee';
          g.fill();
          g.strokeStyle = '#9a9a8c';
          g.lineWidth = 0.5;
        } else {
          g.strokeStyle = '#8fb8da';
          g.lineWidth = 0.6;
        }
        g.stroke();
      }
      const [x, y, w, h] = viewRect(frame, ctl.bbox());
      g.strokeStyle = '#d7191c';
      g.lineWidth = 1.5;
      g.strokeRect(x, y, w, h);
    };
    const schedule = () => {
      if (!raf) raf = requestAnimationFrame(draw);
    };
    loadBase()
      .then((fc) => {
        base = fc;
        schedule();
      })
      .catch(() => undefined);
    ctl.map.on('move', schedule);
    ctl.map.on('resize', schedule);
    schedule();
    return () => {
      cancelAnimationFrame(raf);
      ctl.map.off('move', schedule);
      ctl.map.off('resize', schedule);
    };
  }, [ctl, frame]);

  return (
    <canvas
      ref={ref}
      className="kq-overview"
      data-testid="overview-map"
      role="img"
      aria-label={label}
      title={label}
      style={{ width: frame.width, height: frame.height }}
      onClick={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        const [lon, lat] = toLonLat(frame, e.clientX - r.left, e.clientY - r.top);
        ctl.map.easeTo({ center: [lon, lat], duration: 500 });
      }}
    />
  );
}
