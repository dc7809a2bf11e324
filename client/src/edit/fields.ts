/**
 * The attribute form of each register layer (pure): which properties a regulator edits and how — a select
 * from the API vocabularies (server/vocab) for coded fields, dates, numbers, text. Mirrors the write
 * schemas of server/features/collections.ts (fields.test.ts holds them equal).
 */
import {
  ACQUISITION_METHODS,
  BASINS,
  BLOCK_KINDS,
  BLOCK_STATUSES,
  MINERALS,
  PA_CATEGORIES,
  PA_LEVELS,
  PA_ZONES,
  PIPELINE_STATUSES,
  PIPELINE_TYPES,
  REDLINE_STATUSES,
  RESERVE_KINDS,
  WELL_STATUSES,
  WELL_TYPES,
  type Vocab,
} from '../../../server/vocab';

export type FieldKind = 'text' | 'date' | 'number' | 'int' | 'bool' | 'select';

export interface Field {
  name: string;
  kind: FieldKind;
  vocab?: Vocab;
  required?: boolean;
  /** select: an empty choice is sent as null rather than left out */
  nullable?: boolean;
}

const text = (name: string, required = false): Field => ({ name, kind: 'text', required });
const date = (name: string): Field => ({ name, kind: 'date' });
const select = (name: string, vocab: Vocab, required = false, nullable = false): Field => ({
  name,
  kind: 'select',
  vocab,
  required,
  nullable,
});

export const EDIT_FIELDS: Readonly<Record<string, Field[]>> = {
  blocks: [
    text('name', true),
    text('licence_no'),
    text('holder'),
    select('kind', BLOCK_KINDS, true),
    select('mineral', MINERALS, true),
    select('status', BLOCK_STATUSES, true),
    select('acquisition_method', ACQUISITION_METHODS),
    text('authority'),
    date('first_registration_date'),
    { name: 'first_registration_area_km2', kind: 'number' },
    date('valid_from'),
    date('valid_to'),
    { name: 'extensions_used', kind: 'int' },
    select('basin', BASINS),
    { name: 'province_registered', kind: 'bool' },
  ],
  reserves: [text('block_id', true), text('name'), select('kind', RESERVE_KINDS, true), date('submitted_date')],
  'protected-areas': [
    text('name', true),
    select('category', PA_CATEGORIES, true),
    select('zone', PA_ZONES, false, true),
    select('level', PA_LEVELS),
    text('source'),
    date('designated_date'),
  ],
  redlines: [text('name', true), select('status', REDLINE_STATUSES, true), date('version_date'), text('source')],
  wells: [
    text('name', true),
    select('type', WELL_TYPES),
    select('status', WELL_STATUSES),
    text('holder'),
    text('block_id'),
    date('spud_date'),
    date('completion_date'),
    date('status_since'),
  ],
  pipelines: [
    text('name', true),
    select('type', PIPELINE_TYPES),
    select('status', PIPELINE_STATUSES),
    { name: 'pressure_mpa', kind: 'number' },
    { name: 'diameter_mm', kind: 'number' },
    text('holder'),
  ],
};

/** Collections whose geometry the page can replace by an uploaded file or a drawing (polygons). */
export const POLYGON_COLLECTIONS = new Set(['blocks', 'reserves', 'protected-areas', 'redlines']);

export type FormValues = Record<string, string>;

/** A feature's properties as form values (strings; '' for none). */
export function toFormValues(fields: Field[], props: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = props[f.name];
    out[f.name] = v === null || v === undefined ? '' : f.kind === 'bool' ? (v ? 'true' : 'false') : String(v);
  }
  return out;
}

export interface FieldError {
  field: string;
  problem: 'required' | 'number' | 'date';
}

/**
 * Form values → the properties to write: every property of the version read (so fields the form does not
 * show, like `synthetic`, survive), with the form's fields typed; '' leaves a field out (or null where nullable).
 */
export function toProperties(
  fields: Field[],
  values: FormValues,
  original: Record<string, unknown>,
): { properties: Record<string, unknown>; errors: FieldError[] } {
  const properties: Record<string, unknown> = { ...original };
  const errors: FieldError[] = [];
  for (const f of fields) {
    const raw = (values[f.name] ?? '').trim();
    delete properties[f.name];
    if (raw === '') {
      if (f.required) errors.push({ field: f.name, problem: 'required' });
      else if (f.nullable) properties[f.name] = null;
      continue;
    }
    if (f.kind === 'number' || f.kind === 'int') {
      const n = Number(raw);
      if (!Number.isFinite(n) || (f.kind === 'int' && !Number.isInteger(n))) errors.push({ field: f.name, problem: 'number' });
      else properties[f.name] = n;
    } else if (f.kind === 'bool') properties[f.name] = raw === 'true';
    else if (f.kind === 'date') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) errors.push({ field: f.name, problem: 'date' });
      else properties[f.name] = raw;
    } else properties[f.name] = raw;
  }
  return { properties, errors };
}

/** Properties the server adds on read (derived, or bookkeeping) and the page never writes back. */
export const READ_ONLY = new Set([
  'id',
  'area_km2',
  'recorded_from',
  'recorded_to',
  'sys_period',
  'valid_period',
  'updated_at',
  'created_at',
  'etag',
]);

/** Only the writable properties of a read feature. */
export function writable(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !READ_ONLY.has(k)));
}

export interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The writable properties that differ between two versions (from → to), in the form's order, then the rest. */
export function changedProperties(fields: Field[], from: Record<string, unknown>, to: Record<string, unknown>): Change[] {
  const a = writable(from);
  const b = writable(to);
  const order = [...fields.map((f) => f.name), ...[...new Set([...Object.keys(a), ...Object.keys(b)])].sort()];
  const seen = new Set<string>();
  const out: Change[] = [];
  for (const k of order) {
    if (seen.has(k)) continue;
    seen.add(k);
    if (!same(a[k], b[k])) out.push({ field: k, from: a[k], to: b[k] });
  }
  return out;
}

/** Whether two geometries are the same (coordinates compared as written). */
export const sameGeometry = (a: unknown, b: unknown) => same(a, b);
