/**
 * Licence lifecycle over HTTP (issue 5): extension assessments, stored-block assessments, deadlines,
 * offsets and the relinquishment planner. Wiring only: named queries → pure rules / planner → JSON.
 */
import type { Db } from '../db';
import { implement } from '../http/contract-route';
import { requestIdOf } from '../http/request-id';
import { assertConfidential, assertMayWrite, canSeeConfidential } from '../auth/context';
import { assessmentAsSeen } from '../auth/visibility';
import { unauthenticated } from '../auth/errors';
import { principalOf } from '../auth/principal';
import { deadlinesWithin } from '../lifecycle/deadlines-list';
import type { OffsetRow } from '../lifecycle/ledger';
import { recordOffset, type LifecycleBlock } from '../lifecycle/offsets';
import { assessBlock, lifecycleBlock, planForBlock } from '../lifecycle/plan-for-block';
import { assessExtension, COVID_WINDOW, covidInvestmentReduction, covidTermExtension, extensionReadingsApplied, isoDate } from '../rules';

const today = () => isoDate(new Date());

export function lifecycleRoutes({ db }: { db: Db }) {
  return implement({
    assessExtension: {
      handler: ({ body }) => ({ status: 200, body: { ...assessExtension(body), readings_applied: extensionReadingsApplied(body) } }),
    },

    assessCovid: {
      handler: ({ body }) => ({
        status: 200,
        body: {
          window: COVID_WINDOW,
          term_extension: covidTermExtension({ valid_from: body.valid_from, valid_to: body.valid_to }),
          investment_reduction: covidInvestmentReduction(body),
        },
      }),
    },

    blockAssessment: {
      handler: async ({ params, query, req }) => {
        const { on, ...chosen } = query;
        const { block, result, offsets } = await assessBlock(db, params.id, on ?? today(), chosen);
        // investment ledger, the arithmetic on it and offsets: holder, overseeing regulators and admins only (issue 13)
        const seen = assessmentAsSeen({ ...result, offsets }, canSeeConfidential(req, block as LifecycleBlock));
        return { status: 200, headers: { Vary: 'Cookie, Authorization' }, body: seen };
      },
    },

    blockAssessmentWithOverrides: {
      handler: async ({ params, body, req }) => {
        const { on, overrides, ...chosen } = body;
        const { block, result, offsets } = await assessBlock(db, params.id, on ?? today(), chosen, overrides);
        // the same redaction as GET: what the caller may not see stays withheld, input values included
        const seen = assessmentAsSeen({ ...result, offsets }, canSeeConfidential(req, block as LifecycleBlock));
        return { status: 200, headers: { Vary: 'Cookie, Authorization' }, body: seen };
      },
    },

    deadlines: {
      handler: async ({ query }) => {
        const days = Number.parseInt(query.within, 10);
        const on = query.on ?? today();
        const rows = (await db.named<Parameters<typeof deadlinesWithin>[0][number]>('deadline_blocks')).rows;
        return { status: 200, body: { on, within_days: days, items: deadlinesWithin(rows, on, days) } };
      },
    },

    blockOffsets: {
      handler: async ({ params, req }) => {
        assertConfidential(req, await lifecycleBlock<LifecycleBlock>(db, params.id));
        return { status: 200, body: { items: (await db.named<OffsetRow>('offsets_for_block', [params.id])).rows } };
      },
    },

    createOffset: {
      handler: async ({ body, req }) => {
        const out = await recordOffset(db, body, {
          principal: principalOf(req),
          request_id: requestIdOf(req),
          authorize: (b) => assertMayWrite(req, b.authority, `block ${b.id}`),
        });
        return { status: 201, headers: { Location: `/api/blocks/${encodeURIComponent(body.from_block)}/offsets` }, body: out };
      },
    },

    relinquishmentPlans: {
      handler: async ({ params, body, req }) => {
        const { required_km2, max_candidates, protected_counts_toward_required, ...rest } = body;
        if (required_km2 === undefined) {
          // without required_km2 the plan reads the confidential assessment (investment shortfall): same rule as the ledger
          if (principalOf(req).role === 'public') throw unauthenticated();
          assertConfidential(req, await lifecycleBlock<LifecycleBlock>(db, params.id));
        }
        const { void_reading, national_extension_protected, oil_gas_redline_extension, ...assessment_readings } = rest;
        const conflict_readings = Object.fromEntries(
          Object.entries({ void_reading, national_extension_protected, oil_gas_redline_extension }).filter(([, v]) => v !== undefined),
        );
        const plan = await planForBlock(db, params.id, {
          required_km2,
          max_candidates,
          protected_counts_toward_required,
          on: today(),
          assessment_readings,
          conflict_readings,
        });
        return { status: 200, body: plan };
      },
    },
  });
}
