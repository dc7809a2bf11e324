/**
 * The extension tab assesses the stored block (issue 16 item 1): POST /api/blocks/{id}/assessment with no
 * overrides answers the register's own verdict — for every demo exploration block the same assessment as
 * GET, which the register card shows — and with an override marks it (input source and notice). The role
 * redaction holds for the overrides route as for GET.
 */
import { describe, expect, it } from 'vitest';
import { login, call } from '../helpers/auth';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';

const srv = useTestServer();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const ON = '2026-12-02';
const get = (id: string, headers: Record<string, string> = admin) =>
  fetch(`${srv.url}/api/blocks/${id}/assessment?on=${ON}`, { headers }).then((r) => r.json());
const post = (id: string, body: unknown, headers: Record<string, string> = admin) =>
  fetch(`${srv.url}/api/blocks/${id}/assessment`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /api/blocks/{id}/assessment', () => {
  it('with no overrides gives every demo exploration block the register verdict (the same assessment as GET)', async () => {
    const fc = await (await fetch(`${srv.url}/collections/blocks/items?kind=exploration&limit=1000`)).json();
    const ids: string[] = fc.features.map((f: { id: string }) => f.id);
    expect(ids.length).toBeGreaterThan(30);
    expect(ids).toContain('blk-0015');
    const decisions: Record<string, number> = {};
    for (const id of ids) {
      const reg = await get(id);
      for (const body of [{ on: ON }, { on: ON, overrides: {} }]) {
        const res = await post(id, body);
        expect(res.status, id).toBe(200);
        const tab = await res.json();
        expect(tab.assessment, id).toEqual(reg.assessment);
        expect(tab.input_sources, id).toEqual(reg.input_sources);
        expect(tab.override_notice, id).toBeNull();
        expect(tab.input_sources.some((s: { source: string }) => s.source === 'override')).toBe(false);
      }
      if (reg.assessment) decisions[reg.assessment.decision] = (decisions[reg.assessment.decision] ?? 0) + 1;
    }
    // both verdicts occur among the blocks compared
    expect(decisions.refuse).toBeGreaterThan(0);
    expect(decisions.extend).toBeGreaterThan(0);
  });

  it('寿阳北: refused for the register’s three reasons; every input named with its source', async () => {
    const r = await (await post('blk-0015', { on: ON })).json();
    expect(r.assessment.decision).toBe('refuse');
    expect(r.assessment.refusal_reasons.map((m: { code: string }) => m.code)).toEqual(['VAL3_USED', 'VAL6_NOT_CONVERTED', 'RED4_REFUSE']);
    const by = Object.fromEntries(r.input_sources.map((s: { name: string }) => [s.name, s]));
    expect(by.extensions_used).toEqual({ name: 'extensions_used', value: 2, register_value: 2, source: 'register' });
    expect(by.proven_reserves_submitted_date.value).toBe('2015-11-18');
    expect(by.unfinished_ratio.source).toBe('register');
    expect(by.unfinished_ratio.value).toBeGreaterThan(0.98);
    expect(by.application_date.source).toBe('default');
  });

  it('an override is used, kept beside the register value and marked; the verdict says it is not the register’s', async () => {
    const res = await post('blk-0015', { on: ON, overrides: { extensions_used: 0 } });
    expect(res.status).toBe(200);
    const r = await res.json();
    const by = Object.fromEntries(r.input_sources.map((s: { name: string }) => [s.name, s]));
    expect(by.extensions_used).toEqual({ name: 'extensions_used', value: 0, register_value: 2, source: 'override' });
    expect(r.inputs.extensions_used).toBe(0);
    expect(r.override_notice.message_zh).toMatch(/^含用户覆盖值，非登记簿结论/);
    expect(r.override_notice.message).toMatch(/includes overrides/);
    expect(r.assessment.refusal_reasons.map((m: { code: string }) => m.code)).toEqual(['VAL6_NOT_CONVERTED', 'RED4_REFUSE']);
  });

  it('answers 422 naming the field for an unknown or out-of-range override, a misplaced input, or a mining right', async () => {
    for (const body of [
      { overrides: { extensions_used: -1 } },
      { overrides: { unfinished_ratio: 1.5 } },
      { overrides: { no_such_input: 1 } },
      // an input outside `overrides` is not silently ignored
      { extensions_used: 0 },
    ]) {
      const res = await post('blk-0015', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const e = (await res.json()).error;
      expect(e.code).toBe('INVALID_ASSESSMENT_INPUT');
      expect(e.message_zh).toBeTruthy();
    }
    const fc = await (await fetch(`${srv.url}/collections/blocks/items?kind=mining&limit=1`)).json();
    const mining = await post(fc.features[0].id, { overrides: { extensions_used: 0 } });
    expect(mining.status).toBe(422);
    expect((await mining.json()).error.code).toBe('NO_ASSESSMENT');
    expect((await post('nope', {})).status).toBe(404);
  });

  it('keeps the role redaction: the public gets no verdict and no ledger-derived input, with or without overrides', async () => {
    for (const body of [{ on: ON }, { on: ON, overrides: { extensions_used: 0 } }, { on: ON, overrides: { unfinished_ratio: 0.1 } }]) {
      const r = await (await post('blk-0015', body, {})).json();
      expect(r.withheld.code).toBe('INVESTMENT_WITHHELD');
      expect(r.assessment).toBeNull();
      expect(r.investment).toBeNull();
      expect(r.inputs).not.toHaveProperty('unfinished_ratio');
      const u = r.input_sources.find((s: { name: string }) => s.name === 'unfinished_ratio');
      if (body.overrides?.unfinished_ratio !== undefined) expect(u).toMatchObject({ value: 0.1, register_value: null, source: 'override' });
      else expect(u).toEqual({ name: 'unfinished_ratio', value: null, register_value: null, source: 'withheld' });
      // the public register facts stay
      expect(r.input_sources.find((s: { name: string }) => s.name === 'extensions_used').register_value).toBe(2);
    }
    // the holder of 寿阳北 sees the whole answer through its session (CSRF token sent)
    const holder = await login(srv.url, 'holder', 'demo-holder-2026');
    const r = await (await call(srv.url, holder, 'POST', '/api/blocks/blk-0015/assessment', { on: ON })).json();
    expect(r.withheld).toBeNull();
    expect(r.assessment.decision).toBe('refuse');
  });
});
