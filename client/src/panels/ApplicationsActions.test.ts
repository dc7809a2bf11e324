import { describe, expect, it } from 'vitest';
import { actionsFor } from './ApplicationsActions';

const holder = { role: 'holder' as const, holders: ['甲公司'], authority: null, username: 'h' };
const province = { role: 'regulator' as const, holders: [], authority: '山西省自然资源厅', username: 'r' };
const city = { role: 'regulator' as const, holders: [], authority: '晋城市规划和自然资源局', username: 'c' };
const app = (state: string) =>
  ({ state, applicant: '甲公司', authority: '山西省自然资源厅', created_by: 'h' }) as Parameters<typeof actionsFor>[1];

describe('the steps the page offers', () => {
  it('the applicant submits a draft and may withdraw until a decision', () => {
    expect(actionsFor(holder, app('draft'))).toEqual(['submit', 'withdraw']);
    expect(actionsFor(holder, app('submitted'))).toEqual(['withdraw']);
    expect(actionsFor(holder, app('approved'))).toEqual([]);
    expect(actionsFor({ ...holder, holders: ['乙公司'] }, app('draft'))).toEqual([]);
  });

  it('the overseeing regulator accepts, then approves or refuses; a city bureau under it does not', () => {
    expect(actionsFor(province, app('draft'))).toEqual([]);
    expect(actionsFor(province, app('submitted'))).toEqual(['accept', 'refuse']);
    expect(actionsFor(province, app('accepted'))).toEqual(['approve', 'refuse']);
    expect(actionsFor(city, app('submitted'))).toEqual([]);
    expect(actionsFor(null, app('submitted'))).toEqual([]);
  });
});
