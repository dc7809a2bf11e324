/**
 * Who is applying for what: the subject of a check, from the request's parameters and, when a block
 * is named, from that stored block (its holder, mineral and kind fill what the request leaves out).
 */
import type { IsoDate } from '../rules/dates';
import type { RegimeId } from '../rules/regimes';
import type { Application, Subject } from './outcomes';

/** CBM is judged under the Shanxi CBM regime unless the request names another; other minerals nationally. */
export const defaultRegime = (mineral: string): RegimeId => (mineral === 'cbm' ? 'shanxi-cbm-2020' : 'national-2023');

/** Today in China (UTC+8) as YYYY-MM-DD (the page's forms start their dates with it too). */
export const todayInChina = (now: number = Date.now()): IsoDate => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The day outcomes are judged on when the request names none: the day (UTC+8) of the register's `as_at` when one
 * is given (a check "as at" a past date judges expiries on that date), else today.
 */
export function defaultAsOf(asAt?: string | null): IsoDate {
  if (!asAt) return todayInChina();
  if (/^\d{4}-\d{2}-\d{2}$/.test(asAt)) return asAt;
  return new Date(Date.parse(asAt) + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface SubjectParams {
  applicant?: string;
  application: Application;
  mineral?: string;
  regime?: RegimeId;
  as_of?: IsoDate;
  /** the register's instant the check reads (contract `as_at`); only its day is used here, as the default `as_of` */
  as_at?: string;
}

export interface StoredBlock {
  id: string;
  holder: string | null;
  kind: 'exploration' | 'mining';
  mineral: string;
  province_registered: boolean;
}

export function buildSubject(p: SubjectParams, block: StoredBlock | null): { subject: Subject; province_registered: boolean } {
  const mineral = p.mineral ?? block?.mineral ?? 'cbm';
  const regime = p.regime ?? defaultRegime(mineral);
  const kind: Subject['kind'] =
    p.application === 'new_exploration'
      ? 'exploration'
      : p.application === 'new_mining' || p.application === 'report_then_produce'
        ? 'mining'
        : (block?.kind ?? 'exploration');
  const subject: Subject = {
    applicant: p.applicant?.trim() || block?.holder || null,
    application: p.application,
    mineral,
    kind,
    regime,
    as_of: p.as_of ?? defaultAsOf(p.as_at),
  };
  // A named block tells whether the right is province-registered; a new Shanxi CBM right is (R-GRANT-7).
  const province_registered = block ? block.province_registered : regime === 'shanxi-cbm-2020' && mineral === 'cbm';
  return { subject, province_registered };
}
