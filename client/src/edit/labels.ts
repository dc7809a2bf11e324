import type { Messages } from '../i18n/zh';
import type { T } from '../i18n';
import { FIELD_VOCABS, labelField, type Lang } from '../../../server/vocab';
import { formatKm2, formatValue } from '../format';

/** The page's name of each register property (the details list and the edit form share them). */
export const FIELD_LABELS: Readonly<Record<string, keyof Messages>> = {
  name: 'fName',
  licence_no: 'licenceNo',
  holder: 'holder',
  kind: 'kind',
  mineral: 'mineral',
  status: 'status',
  acquisition_method: 'fAcquisition',
  authority: 'authority',
  first_registration_date: 'firstRegistration',
  first_registration_area_km2: 'firstRegistrationArea',
  area_km2: 'area',
  valid_from: 'validFrom',
  valid_to: 'validTo',
  extensions_used: 'fExtensionsUsed',
  basin: 'basin',
  province_registered: 'fProvinceRegistered',
  block_id: 'blockId',
  submitted_date: 'fSubmittedDate',
  category: 'category',
  zone: 'zone',
  level: 'level',
  source: 'fSource',
  designated_date: 'fDesignatedDate',
  version_date: 'fVersionDate',
  type: 'type',
  spud_date: 'fSpudDate',
  completion_date: 'fCompletionDate',
  status_since: 'fStatusSince',
  pressure_mpa: 'pressure',
  diameter_mm: 'diameter',
  synthetic: 'fSynthetic',
};

export const fieldLabel = (t: T, field: string) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field);

/** A property value as the page shows it: codes by their names, booleans as 是/否, nothing as —. */
export function fieldValue(t: T, lang: Lang, collection: string, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  if (typeof v === 'number' && field.endsWith('_km2')) return formatKm2(v);
  if (typeof v === 'string') return FIELD_VOCABS[collection]?.[field] ? labelField(collection, field, v, lang) : v;
  return formatValue(v);
}
