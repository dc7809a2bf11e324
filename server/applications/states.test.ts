import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import type { AuthorityTree } from '../auth/scope';
import { mayRead, mayTake, nextState, TRANSITION_ACTIONS, TRANSITIONS, APPLICATION_STATE_CODES } from './states';

const tree: AuthorityTree = new Map([
  ['自然资源部', { parent: null, level: 'national' }],
  ['山西省自然资源厅', { parent: '自然资源部', level: 'province' }],
  ['晋城市规划和自然资源局', { parent: '山西省自然资源厅', level: 'city' }],
]);
const who = (over: Partial<Principal>): Principal => ({
  role: 'public',
  user_id: 1,
  username: 'u',
  holders: [],
  authority: null,
  via: 'session',
  ...over,
});
const holder = who({ role: 'holder', username: 'h', holders: ['甲公司'] });
const otherHolder = who({ role: 'holder', username: 'h2', holders: ['乙公司'] });
const province = who({ role: 'regulator', username: 'r', authority: '山西省自然资源厅' });
const city = who({ role: 'regulator', username: 'c', authority: '晋城市规划和自然资源局' });
const admin = who({ role: 'admin', username: 'a' });
const app = { applicant: '甲公司', authority: '山西省自然资源厅', created_by: 'h' };

describe('application lifecycle', () => {
  it('has exactly the steps of the issue', () => {
    const table = Object.fromEntries(
      APPLICATION_STATE_CODES.map((s) => [s, TRANSITION_ACTIONS.filter((a) => nextState(s, a)).map((a) => `${a}→${nextState(s, a)}`)]),
    );
    expect(table).toEqual({
      draft: ['submit→submitted', 'withdraw→withdrawn'],
      submitted: ['accept→accepted', 'refuse→refused', 'withdraw→withdrawn'],
      accepted: ['approve→approved', 'refuse→refused', 'withdraw→withdrawn'],
      approved: [],
      refused: [],
      withdrawn: [],
    });
  });

  it('lets the holder submit and withdraw, and the overseeing regulator decide', () => {
    for (const a of TRANSITION_ACTIONS) {
      const applicantSide = TRANSITIONS[a].side === 'applicant';
      expect(mayTake(tree, holder, app, a), a).toBe(applicantSide);
      expect(mayTake(tree, otherHolder, app, a), a).toBe(false);
      expect(mayTake(tree, province, app, a), a).toBe(!applicantSide);
      expect(mayTake(tree, city, app, a), a).toBe(false); // a city bureau does not oversee the province
      expect(mayTake(tree, admin, app, a), a).toBe(true);
    }
  });

  it('lets a regulator who created an application submit it, and the ministry decide a provincial one', () => {
    const byRegulator = { ...app, created_by: 'r' };
    expect(mayTake(tree, province, byRegulator, 'submit')).toBe(true);
    expect(mayTake(tree, who({ role: 'regulator', username: 'm', authority: '自然资源部' }), app, 'approve')).toBe(true);
  });

  it('shows an application to both sides only', () => {
    expect(mayRead(tree, holder, app)).toBe(true);
    expect(mayRead(tree, province, app)).toBe(true);
    expect(mayRead(tree, otherHolder, app)).toBe(false);
    expect(mayRead(tree, city, app)).toBe(false);
    expect(mayRead(tree, who({}), app)).toBe(false);
  });
});
