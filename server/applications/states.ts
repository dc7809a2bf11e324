/**
 * The lifecycle of an application (issue 14 item 1), pure: which step leads from which state to which, and which
 * side of the application may take it.
 *
 *   draft ──submit──▶ submitted ──accept──▶ accepted ──approve──▶ approved
 *     │                  │  └──refuse──▶ refused ◀──refuse──┘
 *     └──withdraw──▶ withdrawn ◀──withdraw── (submitted, accepted: before a decision)
 *
 * The applicant side (the holder organisation applying, or the account that created the application) edits the draft,
 * submits and withdraws; the deciding side (a regulator whose authority oversees the application's authority) accepts,
 * approves and refuses. Administrators act on both sides.
 */
import type { Principal } from '../auth/principal';
import { oversees, type AuthorityTree } from '../auth/scope';
import { APPLICATION_KINDS, APPLICATION_STATES, codesOf } from '../vocab';

export const APPLICATION_KIND_CODES = codesOf(APPLICATION_KINDS);
export type ApplicationKind = (typeof APPLICATION_KIND_CODES)[number];
export const APPLICATION_STATE_CODES = codesOf(APPLICATION_STATES);
export type ApplicationState = (typeof APPLICATION_STATE_CODES)[number];

export const TRANSITION_ACTIONS = ['submit', 'accept', 'approve', 'refuse', 'withdraw'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

export type Side = 'applicant' | 'decider';

export const TRANSITIONS: Readonly<Record<TransitionAction, { from: readonly ApplicationState[]; to: ApplicationState; side: Side }>> = {
  submit: { from: ['draft'], to: 'submitted', side: 'applicant' },
  accept: { from: ['submitted'], to: 'accepted', side: 'decider' },
  approve: { from: ['accepted'], to: 'approved', side: 'decider' },
  refuse: { from: ['submitted', 'accepted'], to: 'refused', side: 'decider' },
  withdraw: { from: ['draft', 'submitted', 'accepted'], to: 'withdrawn', side: 'applicant' },
};

/** The state `action` leads to from `state`, or null when the lifecycle has no such step. */
export function nextState(state: ApplicationState, action: TransitionAction): ApplicationState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

/** Kinds about an existing right (a block); the others propose a new one. */
export const ON_A_BLOCK: ReadonlySet<ApplicationKind> = new Set(['extension', 'conversion', 'change', 'retention', 'cancellation']);
/** Kinds that carry a polygon: the area of a new right, the retained polygon of an extension or a change, the mining area of a conversion. */
export const GEOMETRY: Readonly<Record<ApplicationKind, 'required' | 'optional' | 'none'>> = {
  new_exploration: 'required',
  new_mining: 'required',
  extension: 'optional',
  conversion: 'required',
  change: 'optional',
  retention: 'none',
  cancellation: 'none',
};

export interface ApplicationScope {
  applicant: string;
  authority: string;
  created_by: string;
}

/** Is `p` on the applicant side of the application: the holder applying, its creator, or an administrator? */
export function onApplicantSide(p: Principal, a: ApplicationScope): boolean {
  if (p.role === 'admin') return true;
  if (p.role === 'holder') return p.holders.includes(a.applicant);
  return p.role === 'regulator' && p.username === a.created_by;
}

/** Is `p` on the deciding side: a regulator overseeing the application's authority, or an administrator? */
export function onDeciderSide(tree: AuthorityTree, p: Principal, a: ApplicationScope): boolean {
  if (p.role === 'admin') return true;
  return p.role === 'regulator' && oversees(tree, p.authority, a.authority);
}

/** May `p` read the application (and its snapshot, which holds the confidential assessment)? */
export function mayRead(tree: AuthorityTree, p: Principal, a: ApplicationScope): boolean {
  return onApplicantSide(p, a) || onDeciderSide(tree, p, a);
}

/** May `p` take step `action` on the application (role only; the state is checked separately)? */
export function mayTake(tree: AuthorityTree, p: Principal, a: ApplicationScope, action: TransitionAction): boolean {
  return TRANSITIONS[action].side === 'applicant' ? onApplicantSide(p, a) : onDeciderSide(tree, p, a);
}
