/**
 * The map's pointer and keys taken by a click tool (drawing a polygon, measuring): a crosshair, no double-click zoom
 * (a double click finishes), the tool's click / double-click / move handlers and its keys ahead of the page's. The
 * returned function gives all of it back.
 */
import type { Map as MlMap, MapMouseEvent } from 'maplibre-gl';

export interface PointerHandlers {
  click: (e: MapMouseEvent) => void;
  dblclick: (e: MapMouseEvent) => void;
  move: (e: MapMouseEvent) => void;
  key: (e: KeyboardEvent) => void;
}

export function capturePointer(map: MlMap, h: PointerHandlers): () => void {
  map.doubleClickZoom.disable();
  map.getCanvas().style.cursor = 'crosshair';
  map.on('click', h.click);
  map.on('dblclick', h.dblclick);
  map.on('mousemove', h.move);
  window.addEventListener('keydown', h.key, true);
  return () => {
    map.off('click', h.click);
    map.off('dblclick', h.dblclick);
    map.off('mousemove', h.move);
    window.removeEventListener('keydown', h.key, true);
    map.getCanvas().style.cursor = '';
    // re-enabled after the double click that finished has been handled
    setTimeout(() => map.doubleClickZoom.enable(), 0);
  };
}
