declare module 'shpjs' {
  export function parseShp(shp: ArrayBuffer | ArrayBufferView | DataView, prj?: string | false): unknown[];
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView | DataView, cpg?: string | ArrayBufferView): Record<string, unknown>[];
  export function combine(parts: [unknown[], Record<string, unknown>[] | undefined]): { type: 'FeatureCollection'; features: unknown[] };
}
