import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Principal } from './principal';
import { mayWriteAuthority, mayWriteShared, maySeeConfidential, oversees, type AuthorityTree } from './scope';

const tree: AuthorityTree = new Map([
  ['自然资源部', { parent: null, level: 'national' }],
  ['山西省自然资源厅', { parent: '自然资源部', level: 'province' }],
  ['晋城市规划和自然资源局', { parent: '山西省自然资源厅', level: 'city' }],
]);
const who = (role: Principal['role'], extra: Partial<Principal> = {}): Principal => ({
  role,
  user_id: 1,
  username: role,
  holders: [],
  authority: null,
  via: 'session',
  ...extra,
});

describe('authority tree', () => {
  it('an authority oversees itself and everything under it, never above or beside', () => {
    expect(oversees(tree, '自然资源部', '晋城市规划和自然资源局')).toBe(true);
    expect(oversees(tree, '山西省自然资源厅', '山西省自然资源厅')).toBe(true);
    expect(oversees(tree, '山西省自然资源厅', '自然资源部')).toBe(false);
    expect(oversees(tree, '晋城市规划和自然资源局', '山西省自然资源厅')).toBe(false);
    expect(oversees(tree, null, '自然资源部')).toBe(false);
    expect(oversees(tree, '自然资源部', null)).toBe(false);
  });
});

describe('confidential records and writes', () => {
  const blk = { holder: '中联煤层气有限责任公司(合成)', authority: '自然资源部' };
  it('holder sees its own block only; public never', () => {
    expect(maySeeConfidential(tree, who('holder', { holders: [blk.holder] }), blk)).toBe(true);
    expect(maySeeConfidential(tree, who('holder', { holders: ['别家公司'] }), blk)).toBe(false);
    expect(maySeeConfidential(tree, ANONYMOUS, blk)).toBe(false);
  });
  it('regulators by authority; admin always', () => {
    expect(maySeeConfidential(tree, who('regulator', { authority: '自然资源部' }), blk)).toBe(true);
    expect(maySeeConfidential(tree, who('regulator', { authority: '山西省自然资源厅' }), blk)).toBe(false);
    expect(maySeeConfidential(tree, who('admin'), blk)).toBe(true);
    expect(mayWriteAuthority(tree, who('regulator', { authority: '山西省自然资源厅' }), '晋城市规划和自然资源局')).toBe(true);
    expect(mayWriteAuthority(tree, who('regulator', { authority: '山西省自然资源厅' }), '自然资源部')).toBe(false);
    expect(mayWriteAuthority(tree, who('holder', { holders: [blk.holder] }), '自然资源部')).toBe(false);
  });
  it('shared layers: province level or above', () => {
    expect(mayWriteShared(tree, who('regulator', { authority: '山西省自然资源厅' }))).toBe(true);
    expect(mayWriteShared(tree, who('regulator', { authority: '晋城市规划和自然资源局' }))).toBe(false);
    expect(mayWriteShared(tree, who('admin'))).toBe(true);
    expect(mayWriteShared(tree, ANONYMOUS)).toBe(false);
  });
});
