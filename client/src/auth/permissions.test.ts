import { describe, expect, it } from 'vitest';
import type { Me } from '../api/auth';
import { canEdit, canSeeConfidential, canSeeHistory, organisationOf } from './permissions';

const user = (role: Me['role'], extra: Partial<Me> = {}): Me => ({
  id: 1,
  username: role,
  display_name: role,
  role,
  holders: [],
  authority: null,
  ...extra,
});
const province = user('regulator', { authority: '山西省自然资源厅' });
const ministry = user('regulator', { authority: '自然资源部' });
const holder = user('holder', { holders: ['中联煤层气有限责任公司'] });

describe('page permissions', () => {
  it('the public and holders get no edit controls; admins get all', () => {
    expect(canEdit(null, 'redlines')).toBe(false);
    expect(canEdit(user('public'), 'redlines')).toBe(false);
    expect(canEdit(holder, 'blocks', { holder: '中联煤层气有限责任公司' })).toBe(false);
    expect(canEdit(user('admin'), 'blocks', { authority: '自然资源部' })).toBe(true);
    expect(canEdit(user('admin'), 'boundaries')).toBe(true);
  });
  it('a regulator edits the blocks of their own authority, the ministry every block, and the other layers', () => {
    expect(canEdit(province, 'blocks', { authority: '山西省自然资源厅' })).toBe(true);
    expect(canEdit(province, 'blocks', { authority: '自然资源部' })).toBe(false);
    expect(canEdit(province, 'blocks', {})).toBe(true);
    expect(canEdit(ministry, 'blocks', { authority: '晋城市规划和自然资源局' })).toBe(true);
    expect(canEdit(province, 'redlines', { name: 'x' })).toBe(true);
    expect(canEdit(province, 'boundaries')).toBe(false);
  });
  it('confidential panels: the owning holder, regulators, admins', () => {
    expect(canSeeConfidential(null, 'A')).toBe(false);
    expect(canSeeConfidential(holder, '中联煤层气有限责任公司')).toBe(true);
    expect(canSeeConfidential(holder, '别家公司')).toBe(false);
    expect(canSeeConfidential(holder, undefined)).toBe(false);
    expect(canSeeConfidential(province, '别家公司')).toBe(true);
    expect(canSeeConfidential(user('admin'), 'x')).toBe(true);
  });
  it('history for regulators and admins; organisation by role', () => {
    expect([null, user('public'), holder, province, user('admin')].map(canSeeHistory)).toEqual([false, false, false, true, true]);
    expect(organisationOf(province)).toBe('山西省自然资源厅');
    expect(organisationOf(user('holder', { holders: ['甲', '乙'] }))).toBe('甲、乙');
    expect(organisationOf(user('admin'))).toBeNull();
  });
});
