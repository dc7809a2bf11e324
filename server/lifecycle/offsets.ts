/**
 * Recording an offset (“同等面积” 抵扣, R-RED-10 / 7号 七 / 6号 七): eligibility under the receiving block's regime,
 * the receiver's due reduction, the giving block's ledger, then one transaction for the giving block's licensed area,
 * the ledger row and its audit row. The route only authorises and answers.
 */
import type { Db } from '../db';
import { AppError, unprocessable } from '../errors';
import { appendAudit } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { isOilGas } from '../conflicts/outcomes';
import { applyOffset, checkOffsetSource, explainRegimeForDate, offsetAgainstDue, type OffsetBlockInfo } from '../rules';
import { ledgerFromRows, type OffsetRow } from './ledger';
import { assessBlock, lifecycleBlock } from './plan-for-block';
import type { StoredBlock } from './stored-block';

export type LifecycleBlock = StoredBlock & { authority: string | null } & Record<string, unknown>;

export interface OffsetRequest {
  from_block: string;
  to_block: string;
  area_km2: number;
  offset_date: string;
  note?: string | null;
}

const info = (b: LifecycleBlock): OffsetBlockInfo => ({
  block_id: b.id,
  holder: b.holder ?? `(no holder recorded: ${b.id})`,
  kind: b.kind,
  province: 'shanxi',
  mineral: b.mineral,
  basin: (b.basin as string | null) ?? undefined,
  oil_gas: isOilGas(b.mineral),
  valid_to: b.valid_to ?? undefined,
  granted_date: b.first_registration_date ?? undefined,
});

/**
 * Record the offset `p`. `authorize` is called with the giving and the receiving block before anything is read
 * further (an offset changes the giver's licensed area and credits the receiver: both must be the caller's to change).
 */
export async function recordOffset(
  db: Db,
  p: OffsetRequest,
  who: { principal: Principal; request_id: string | null; authorize: (b: LifecycleBlock) => void },
) {
  const { area_km2: area, offset_date: date } = p;
  const from = await lifecycleBlock<LifecycleBlock>(db, p.from_block);
  const to = await lifecycleBlock<LifecycleBlock>(db, p.to_block);
  who.authorize(from);
  who.authorize(to);
  // Eligibility (R-RED-10 / 7号 七 / 6号 七) under the receiving block's regime — its extension is where the cut is due.
  const regime = explainRegimeForDate(to.valid_to ?? date, { province: 'shanxi', mineral: to.mineral }).regime;
  const check = checkOffsetSource(regime, info(from), info(to), date);
  if (!check.allowed) {
    throw new AppError(
      422,
      'OFFSET_NOT_ALLOWED',
      `Offset refused under ${regime}: ${check.reasons.map((m) => m.message).join('; ')}`,
      `不予抵扣（${regime}）：${check.reasons.map((m) => m.message_zh).join('；')}`,
      check.reasons.map((m) => ({ field: 'from_block', code: m.code, message: m.message, message_zh: m.message_zh })),
    );
  }
  // The receiver's due reduction (same area, “同等面积”): what its assessment requires less what it already received.
  // A receiver whose extension is refused or not assessable owes nothing, so nothing can be credited (000:L4258, L4264).
  const due = (await assessBlock(db, to.id, date)).result;
  const bound = offsetAgainstDue({
    to_block: to.id,
    date,
    area_km2: area,
    assessment: due.assessment,
    ...(due.offset_credit ? { due_after_credit_km2: due.offset_credit.due_reduction_km2 } : {}),
    no_assessment_reasons: due.warnings,
  });
  if (!bound.ok) {
    const reasons = bound.code === 'OFFSET_RECEIVER_NOT_DUE' ? (due.assessment?.refusal_reasons ?? due.warnings) : [];
    throw unprocessable(bound.code, bound.reason.message, bound.reason.message_zh, [
      bound.code === 'OFFSET_RECEIVER_NOT_DUE'
        ? { field: 'to_block', due_km2: 0, decision: bound.decision, reasons }
        : { field: 'area_km2', due_km2: bound.due_km2 },
    ]);
  }
  const dueKm2 = bound.due_km2;
  const current = (from.licensed_area_km2 as number | null) ?? from.area_km2;
  const ledger = ledgerFromRows((await db.named<OffsetRow>('offsets_for_block', [from.id])).rows);
  let applied;
  try {
    applied = applyOffset(
      ledger,
      { from_block: from.id, to_block: to.id, area_km2: area, date },
      { current_area_km2: current, proven_area_km2: from.proven_km2 },
    );
  } catch (e) {
    if (e instanceof RangeError) throw unprocessable('INVALID_OFFSET', e.message, `抵扣无效：${e.message}`, [{ field: 'area_km2' }]);
    throw e;
  }
  // One transaction: the giving block's licensed area (area-only change registration, history kept by trigger),
  // the ledger row, and the receiver's credit. The guard in SQL keeps a concurrent offset from overdrawing the block.
  const id = await db.transaction(async (tx) => {
    const upd = await tx.named<{
      id: string;
      licensed_area_km2: number;
      licensed_area_before_km2: number;
      before_version: string;
      after_version: string;
    }>('blocks_set_licensed_area', [from.id, area, from.proven_km2]);
    if (!upd.rows[0]) {
      throw unprocessable(
        'INVALID_OFFSET',
        `Block ${from.id} no longer has ${area} km² outside proven reserves`,
        `区块 ${from.id} 探明储量范围以外的面积已不足 ${area} km²`,
        [{ field: 'area_km2' }],
      );
    }
    const offsetId = (await tx.named<{ id: string }>('offsets_insert', [from.id, to.id, area, date, current, p.note ?? null, regime, area]))
      .rows[0].id;
    await appendAudit(tx, {
      principal: who.principal,
      operation: 'create',
      collection: 'offsets',
      item_id: offsetId,
      before: null,
      after: {
        id: offsetId,
        ...p,
        regime,
        from_block_area_before_km2: current,
        from_block_area_after_km2: upd.rows[0].licensed_area_km2,
      },
      request_id: who.request_id,
    });
    // the giving block's new version (area only) is a write to the register too: its history names who made it
    const b = upd.rows[0];
    await appendAudit(tx, {
      principal: who.principal,
      operation: 'update',
      collection: 'blocks',
      item_id: from.id,
      before: { id: from.id, version: b.before_version, licensed_area_km2: b.licensed_area_before_km2 },
      after: { id: from.id, version: b.after_version, licensed_area_km2: b.licensed_area_km2, offset_id: offsetId },
      request_id: who.request_id,
    });
    return offsetId;
  });
  const { ledger: _ledger, ...result } = applied;
  return {
    id,
    regime,
    ...result,
    receiver: {
      block_id: to.id,
      credit_km2: area,
      due_before_km2: dueKm2,
      due_after_km2: bound.due_after_km2,
    },
    checks: { steps: check.steps, readings: check.readings },
  };
}
