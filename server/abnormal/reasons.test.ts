/**
 * The seam every abnormal-list source plugs into: reasons from several sources are grouped into one entry per holder
 * and block, each reason keeping its source and citations (a second source, e.g. unpaid usage fees, is added to
 * REASON_SOURCES at merge).
 */
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../db/types';
import { collectAbnormalReasons, groupReasons, REASON_SOURCES, type ReasonSource, type SourcedReason } from './reasons';

const reason = (source: string, code: string, block_id: string, holder: string): SourcedReason => ({
  holder,
  block_id,
  block_name: `区块 ${block_id}`,
  authority: '山西省自然资源厅',
  reason: {
    code,
    params: { block: block_id },
    message: code,
    message_zh: code,
    citations: [{ doc: '273号令 第四十四条', source: '000:L3508' }],
    source,
  },
});

describe('abnormal-list reasons', () => {
  it('the investment source is registered', () => {
    expect(REASON_SOURCES.map((s) => s.name)).toContain('investment');
  });

  it('groups the reasons of several sources by holder and block, keeping each source', async () => {
    const fees: ReasonSource = {
      name: 'usage_fee',
      collect: async () => [
        reason('usage_fee', 'USAGE_FEE_UNPAID', 'b1', '乙公司'),
        reason('usage_fee', 'USAGE_FEE_UNPAID', 'b3', '甲公司'),
      ],
    };
    const investment: ReasonSource = {
      name: 'investment',
      collect: async () => [
        reason('investment', 'INVESTMENT_BELOW_MINIMUM', 'b1', '乙公司'),
        reason('investment', 'INVESTMENT_NOT_REPORTED', 'b2', '乙公司'),
      ],
    };
    const q = { year: 2025, authority: null, deadline: '2026-03-31', on: '2026-12-02', figures: true };
    const entries = await collectAbnormalReasons({} as Queryable, q, [investment, fees]);
    expect(entries.map((e) => [e.holder, e.block_id, e.reasons.map((r) => `${r.source}:${r.code}`)])).toEqual(
      [
        ['乙公司', 'b1', ['investment:INVESTMENT_BELOW_MINIMUM', 'usage_fee:USAGE_FEE_UNPAID']],
        ['乙公司', 'b2', ['investment:INVESTMENT_NOT_REPORTED']],
        ['甲公司', 'b3', ['usage_fee:USAGE_FEE_UNPAID']],
      ].sort((a, b) => (a[0] === b[0] ? String(a[1]).localeCompare(String(b[1])) : String(a[0]).localeCompare(String(b[0])))),
    );
  });

  it('no reasons, no entries', () => {
    expect(groupReasons([])).toEqual([]);
  });
});
