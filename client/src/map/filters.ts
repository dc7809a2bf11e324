/** Pure builders of MapLibre filter and paint values (unit-tested in filters.test.ts). */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';

export interface BlockFilter {
  status?: string;
  mineral?: string;
  holder?: string;
}

/** A MapLibre filter for the block layers from the user's filter choices (null = no filter). */
export function blockFilterExpr(f: BlockFilter): FilterSpecification | null {
  const parts: FilterSpecification[] = [];
  if (f.status)
    parts.push(
      f.status === 'inactive' ? ['in', ['get', 'status'], ['literal', ['expired', 'cancelled']]] : ['==', ['get', 'status'], f.status],
    );
  if (f.mineral) parts.push(['==', ['get', 'mineral'], f.mineral]);
  if (f.holder && f.holder.trim()) parts.push(['in', f.holder.trim(), ['coalesce', ['get', 'holder'], '']]);
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0] : (['all', ...parts] as FilterSpecification);
}

/** Scale a paint value by an opacity multiplier. */
export function scaled(base: number | ExpressionSpecification, o: number): number | ExpressionSpecification {
  if (o === 1) return base;
  return typeof base === 'number' ? base * o : (['*', o, base] as ExpressionSpecification);
}
