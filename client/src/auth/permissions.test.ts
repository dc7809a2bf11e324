import { describe, expect, it } from 'vitest';
import type { Me } from '../api/auth';
import { authorityLevel, canEdit, canSeeConfidential, canSeeHistory, organisationOf, oversees } from './permissions';

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
const city = user('regulator', { authority: '晋城市规划和自然资源局' });
const holder = user('holder', { holders: ['中联煤层气有限责任公司(合成)'] });

describe('page permissions', () => {
  it('places authorities by level as the server seeds them', () => {
    expect(['自然资源部', '山西省自然资源厅', '晋城市规划和自然资源局', '某单位'].map(authorityLevel)).toEqual([
      'national',
      'province',
      'city',
      null,
    ]);
    expect(oversees('山西省自然资源厅', '晋城市规划和自然资源局')).toBe(true);
    expect(oversees('山西省自然资源厅', '自然资源部')).toBe(false);
    expect(oversees('晋城市规划和自然资源局', '长治市规划和自然资源局')).toBe(false);
    expect(oversees('山西省自然资源厅', '某单位')).toBeNull();
  });
  it('the public and holders get no edit controls; admins get all', () => {
    expect(canEdit(null, 'redlines')).toBe(false);
    expect(canEdit(user('public'), 'redlines')).toBe(false);
    expect(canEdit(holder, 'blocks', { holder: '中联煤层气有限责任公司(合成)' })).toBe(false);
    expect(canEdit(user('admin'), 'blocks', { authority: '自然资源部' })).toBe(true);
  });
  it('a regulator edits the blocks its authority oversees, and shared layers from province level up', () => {
    expect(canEdit(province, 'blocks', { authority: '山西省自然资源厅' })).toBe(true);
    expect(canEdit(province, 'blocks', { authority: '晋城市规划和自然资源局' })).toBe(true);
    expect(canEdit(province, 'blocks', { authority: '自然资源部' })).toBe(false);
    expect(canEdit(ministry, 'blocks', { authority: '晋城市规划和自然资源局' })).toBe(true);
    expect(canEdit(city, 'blocks', { authority: '山西省自然资源厅' })).toBe(false);
    expect(canEdit(province, 'redlines', { name: 'x' })).toBe(true);
    expect(canEdit(city, 'redlines', { name: 'x' })).toBe(false);
    expect(canEdit(city, 'wells', { block_id: 'blk-1' })).toBe(true);
  });
  it('confidential panels: the owning holder, regulators overseeing the block, admins', () => {
    expect(canSeeConfidential(null, { holder: 'A' })).toBe(false);
    expect(canSeeConfidential(holder, { holder: '中联煤层气有限责任公司(合成)' })).toBe(true);
    expect(canSeeConfidential(holder, { holder: '别家公司' })).toBe(false);
    expect(canSeeConfidential(holder, {})).toBe(false);
    expect(canSeeConfidential(province, { holder: '别家公司', authority: '山西省自然资源厅' })).toBe(true);
    expect(canSeeConfidential(province, { authority: '自然资源部' })).toBe(false);
    expect(canSeeConfidential(user('admin'), { holder: 'x' })).toBe(true);
  });
  it('history for regulators and admins; organisation by role', () => {
    expect([null, user('public'), holder, province, user('admin')].map(canSeeHistory)).toEqual([false, false, false, true, true]);
    expect(organisationOf(province)).toBe('山西省自然资源厅');
    expect(organisationOf(user('holder', { holders: ['甲', '乙'] }))).toBe('甲、乙');
    expect(organisationOf(user('admin'))).toBeNull();
  });
});
