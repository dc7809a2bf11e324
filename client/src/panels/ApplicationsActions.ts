/**
 * Which steps of an application the signed-in user is offered (pure). The server decides (403, 409); the page offers
 * only what can succeed, following server/applications/states.ts: the applicant side (the holder applying, the
 * regulator that opened it, admins) submits and withdraws; the deciding side (a regulator overseeing the application's
 * authority, admins) accepts, approves and refuses — each from the states the lifecycle allows.
 */
import { TRANSITIONS, TRANSITION_ACTIONS, type TransitionAction } from '../../../server/applications/states';
import type { Application } from '../api/applications';
import type { Me } from '../api/auth';
import { oversees } from '../auth/permissions';

export function actionsFor(
  me: Pick<Me, 'role' | 'holders' | 'authority' | 'username'> | null,
  a: Pick<Application, 'state' | 'applicant' | 'authority' | 'created_by'>,
): TransitionAction[] {
  if (!me) return [];
  const applicantSide =
    me.role === 'admin' ||
    (me.role === 'holder' && me.holders.includes(a.applicant)) ||
    (me.role === 'regulator' && me.username === a.created_by);
  const deciderSide = me.role === 'admin' || (me.role === 'regulator' && oversees(me.authority, a.authority) === true);
  return TRANSITION_ACTIONS.filter(
    (x) => TRANSITIONS[x].from.includes(a.state) && (TRANSITIONS[x].side === 'applicant' ? applicantSide : deciderSide),
  );
}
