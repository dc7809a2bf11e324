/**
 * The frozen snapshot of an application, taken at submission (issue 14 item 1): what the decision will rest on, as
 * it stood that day — the conflict check of the applied extent (inputs, regime, result), for an extension the
 * register assessment and the 30-day deadline, how a retained polygon sits in the block, the rule and data
 * versions. Stored as the exact JSON text it was written as, so it is re-read later exactly as it was made.
 */
import { createHash } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Queryable } from '../db/types';
import { runCheck } from '../conflicts/engine';
import type { Application as CheckApplication } from '../conflicts/outcomes';
import { buildSubject, todayInChina } from '../conflicts/subject';
import { ellipsoidalAreaKm2 } from '../geodesy/area';
import { say, type Message } from '../i18n/message';
import { assessBlock } from '../lifecycle/plan-for-block';
import { SERVICE } from '../report/service-info';
import { extensionFiledInTime, type FilingCheck } from '../rules/application-deadline';
import { explainRegimeForDate, REGIMES, type RegimeId } from '../rules/regimes';
import { APPLICATION_SAY as M, refuse422 } from './messages';
import { conversionCheckOf } from './conversion';
import type { ApplicationKind } from './states';

/** The block an application concerns (application_block.sql). */
export interface AppBlock {
  id: string;
  name: string;
  holder: string | null;
  authority: string | null;
  kind: 'exploration' | 'mining';
  mineral: string;
  status: string;
  valid_from: string | null;
  valid_to: string | null;
  province_registered: boolean;
  extensions_used: number;
  area_km2: number;
  version: string;
  /** GeoJSON text */
  geometry: string;
}

export interface SnapshotSource {
  id: string;
  kind: ApplicationKind;
  applicant: string;
  mineral: string | null;
  block_id: string | null;
  geometry: Polygon | MultiPolygon | null;
}

/** The conflict check's application for each kind (the check's own vocabulary, server/vocab APPLICATIONS). */
const CHECKED_AS: Readonly<Record<ApplicationKind, CheckApplication | null>> = {
  new_exploration: 'new_exploration',
  new_mining: 'new_mining',
  extension: 'extension',
  conversion: 'new_mining',
  change: 'change',
  retention: 'extension',
  cancellation: null,
};

/** Tolerance of "inside the block": 1 m² of a retained polygon outside the block is rounding, not an extent. */
export const OUTSIDE_TOLERANCE_KM2 = 1e-6;

/** How a polygon sits in a block: its ellipsoidal area and the part outside the block (km², CGCS2000). */
export async function retainedFit(db: Queryable, blockId: string, g: Polygon | MultiPolygon) {
  const r = (await db.named<{ retained_km2: number; outside_km2: number }>('application_retained_fit', [blockId, JSON.stringify(g)]))
    .rows[0];
  // a statement that answers no row has failed silently (embedded engine): never read that as "inside"
  if (!r) throw new Error(`retained-polygon fit of ${blockId} answered no row`);
  return { retained_km2: Number(r.retained_km2), outside_km2: Number(r.outside_km2) };
}

/** 422 RETAINED_OUTSIDE_BLOCK unless the polygon lies within the block (to 1 m²). */
export async function assertWithinBlock(db: Queryable, blockId: string, g: Polygon | MultiPolygon) {
  const fit = await retainedFit(db, blockId, g);
  if (fit.outside_km2 > OUTSIDE_TOLERANCE_KM2) {
    const outside_km2 = Number(fit.outside_km2.toFixed(6));
    throw refuse422(say(M, 'RETAINED_OUTSIDE_BLOCK', { block: blockId, outside_km2 }), [
      { field: 'geometry', block_id: blockId, outside_km2 },
    ]);
  }
  return fit;
}

/** 422 EXTENSION_APPLICATION_LATE (naming the dates) unless an extension of `b` filed on `on` is in time. */
export function assertFiledInTime(b: AppBlock, on: string): FilingCheck {
  if (!b.valid_to) throw refuse422(say(M, 'EXTENSION_NO_EXPIRY', { block: b.id }), [{ field: 'block_id', block_id: b.id }]);
  const regime = explainRegimeForDate(b.valid_to, { province: 'shanxi', mineral: b.mineral }).regime;
  const f = extensionFiledInTime({ kind: b.kind, regime, valid_to: b.valid_to, filed_on: on });
  if (!f.in_time) {
    const p = {
      block: b.id,
      valid_to: f.valid_to,
      last_day: f.last_day,
      filed_on: f.filed_on,
      days_late: f.days_late,
      citation: f.citation,
      source: f.source,
    };
    throw refuse422(say(M, 'EXTENSION_APPLICATION_LATE', p), [
      { field: 'block_id', ...p, rule: f.rule, days_before_expiry: f.days_before_expiry },
    ]);
  }
  return f;
}

const regimeVersion = (id: RegimeId) => ({
  id,
  sources: REGIMES[id].sources.map((s) => ({ doc: s.doc, in_force_from: s.in_force_from, in_force_to: s.in_force_to })),
});

/** Build the snapshot (throws the deadline's 422 first, before any other work). Returns it with its exact text and digest. */
export async function takeSnapshot(db: Queryable, a: SnapshotSource, block: AppBlock | null) {
  const on = todayInChina();
  const deadline = a.kind === 'extension' && block ? assertFiledInTime(block, on) : null;
  const notes: Message[] = [];
  const warnings: Message[] = [];

  // the conflict check of the applied extent: the application's polygon, else the block's extent on record
  let check = null;
  const checkedAs = CHECKED_AS[a.kind];
  if (checkedAs === null) notes.push(say(M, 'CHECK_NOT_APPLICABLE'));
  else {
    if (a.kind === 'retention') notes.push(say(M, 'RETENTION_CHECKED_AS_EXTENSION'));
    if (a.kind === 'conversion' && block) notes.push(say(M, 'CONVERSION_CHECKED_AS_NEW_MINING', { block: block.id }));
    const geometry = a.geometry ?? (block ? (JSON.parse(block.geometry) as Polygon | MultiPolygon) : null);
    if (geometry) {
      const { subject, province_registered } = buildSubject(
        { applicant: a.applicant, application: checkedAs, mineral: a.mineral ?? block?.mineral ?? undefined, as_of: on },
        block
          ? { id: block.id, holder: block.holder, kind: block.kind, mineral: block.mineral, province_registered: block.province_registered }
          : null,
      );
      const area_km2 = ellipsoidalAreaKm2(geometry);
      const r = await runCheck(db, { geometry, area_km2, subject, block_id: a.block_id, province_registered, as_at: null });
      check = {
        inputs: {
          subject,
          block_id: a.block_id,
          extent: a.geometry ? ('application' as const) : ('register' as const),
          area_km2,
          geometry,
        },
        regime: subject.regime,
        // the verdict exactly as the check answered it that day: a later reading of the same entries may judge by other rules
        result: { conflicts: r.conflicts, summary: r.summary, verdict: r.verdict, warnings: r.warnings },
      };
    }
  }

  // the register assessment of an extension, whole (the snapshot is read by the applicant and the deciding side only)
  let assessment = null;
  if (a.kind === 'extension' && block) {
    const { result, offsets } = await assessBlock(db, block.id, on);
    assessment = { ...result, offsets, withheld: null };
    if (result.assessment?.decision === 'refuse') warnings.push(say(M, 'ASSESSMENT_REFUSES'));
  }

  // how the retained polygon sits in the block, and against the area the assessment leaves
  let retained = null;
  // conversion: the conversion check of the proposed mining area (R-CONV-1..5), frozen with its findings — a proposal
  // reaching outside the block is submitted and listed, not refused here (approval refuses it, service.ts)
  let conversion = null;
  if (a.kind === 'conversion' && block && a.geometry) {
    const c = await conversionCheckOf(db, block.id, a.geometry);
    if (!c) throw new Error(`conversion check of ${block.id} answered no row`);
    conversion = c.check;
    if (!c.check.passes) warnings.push(say(M, 'CONVERSION_FINDINGS', { count: c.check.findings.length }));
  }
  if (block && a.geometry && (a.kind === 'extension' || a.kind === 'change' || a.kind === 'conversion')) {
    const fit = a.kind === 'conversion' ? await retainedFit(db, block.id, a.geometry) : await assertWithinBlock(db, block.id, a.geometry);
    const a2 = assessment?.assessment;
    // offsets received lower the reduction still due by their credit (R-RED-10): that much more may be retained
    const remaining = a2 && a2.decision === 'extend' ? a2.remaining_km2 + (assessment?.offset_credit?.credit_km2 ?? 0) : null;
    retained = { block_area_km2: Number(block.area_km2), ...fit, remaining_km2: remaining };
    if (remaining !== null && fit.retained_km2 > remaining + 1e-4)
      warnings.push(
        say(M, 'RETAINED_EXCEEDS_REMAINING', {
          retained_km2: Number(fit.retained_km2.toFixed(4)),
          remaining_km2: Number(remaining.toFixed(4)),
        }),
      );
  } else if (a.kind === 'extension' || a.kind === 'change') notes.push(say(M, 'NO_RETAINED_POLYGON'));

  const layers = (await db.named<{ layer: string; version: string }>('data_versions')).rows;
  const registerAt = (await db.named<{ as_at: Date | string | null }>('register_version')).rows[0]?.as_at ?? null;
  const migrations = (await db.named<{ name: string }>('schema_migrations_applied')).rows.map((r) => r.name).sort();
  const regime: RegimeId | null = check?.regime ?? null;

  const snapshot = {
    application_id: a.id,
    taken_at: new Date().toISOString(),
    on,
    block: block
      ? {
          id: block.id,
          name: block.name,
          version: block.version,
          holder: block.holder,
          authority: block.authority,
          kind: block.kind,
          mineral: block.mineral,
          status: block.status,
          valid_from: block.valid_from,
          valid_to: block.valid_to,
          extensions_used: block.extensions_used,
          area_km2: Number(block.area_km2),
        }
      : null,
    deadline: deadline ? { ...deadline } : null,
    check,
    assessment,
    retained,
    conversion,
    notes,
    warnings,
    rule_versions: {
      service: SERVICE.version,
      regime: regime ? regimeVersion(regime) : null,
      assessment_regime: assessment?.assessment ? regimeVersion(assessment.assessment.regime) : null,
      schema_migration: migrations[migrations.length - 1] ?? null,
    },
    data_version: {
      layers: Object.fromEntries(layers.map((l) => [l.layer, String(l.version)])),
      register_as_at: registerAt === null ? null : new Date(registerAt).toISOString(),
    },
  };
  const text = JSON.stringify(snapshot);
  return { snapshot, text, sha256: createHash('sha256').update(text).digest('hex') };
}
