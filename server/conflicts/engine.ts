/**
 * The conflict check of one input geometry: PostGIS finds and overlays every layer (named queries
 * sql/queries/conflicts_*.sql, run side by side on the pool), outcomes.ts judges each overlap, and the
 * summary counts each collection's union once.
 */
import type { Queryable } from '../db/types';
import {
  blockEntry,
  parseGeometry,
  pipelineEntry,
  protectedAreaEntry,
  redlineEntry,
  reserveEntry,
  wellEntry,
  type BlockRow,
  type GeometryReader,
  type PipelineRow,
  type ProtectedAreaRow,
  type RedlineRow,
  type ReserveRow,
  type WellRow,
} from './entries';
import {
  crossesProvincialBorder,
  outsideExplorationBlock,
  outsideOriginalArea,
  PIPELINE_CROSSING_CATEGORIES,
  shanxiCbm,
  type Decision,
} from './outcomes';
import { assertPlausible, guarded } from './guard';
import { say } from '../i18n/message';
import { CONFLICT_SAY as M } from './messages';
import { summarize } from './summary';
import { checkVerdict } from './verdict';
import { splitByAgreement, type AgreementCoverRow } from './agreements';
import { splitByCommitment, type CommitmentCoverRow } from './commitments';
import type { CheckInput, CheckResult, ConflictEntry, RightFlagRef } from './types';

/** The province a province-registered CBM right must stay inside (boundaries.name). */
export const HOME_PROVINCE = '山西省';

interface OutsideRow {
  id: string;
  name: string | null;
  holder?: string | null;
  kind?: string | null;
  mineral?: string | null;
  status?: string | null;
  outside_km2: number;
  geometry: string | null;
}

function containmentEntry(
  collection: 'blocks' | 'boundaries',
  r: OutsideRow,
  d: Decision,
  check: ConflictEntry['check'],
  inputKm2: number,
  read: GeometryReader,
): ConflictEntry {
  const km2 = Number(r.outside_km2);
  return {
    collection,
    id: r.id,
    name: r.name,
    category: r.kind ?? (collection === 'boundaries' ? 'province' : null),
    zone: null,
    status: r.status ?? null,
    holder: r.holder ?? null,
    mineral: r.mineral ?? null,
    overlap_area_km2: km2,
    share_of_input: inputKm2 > 0 ? km2 / inputKm2 : 0,
    share_of_feature: null,
    geometry: r.geometry ? read(r.geometry) : null,
    outcome: d.outcome,
    deductible: d.deductible,
    basis: d.basis,
    check,
  };
}

/** Which containment check applies: the exploration block for new mining / report-then-produce, the original area for a mining extension. */
function containmentDecision(input: CheckInput): Decision | null {
  const { application, kind } = input.subject;
  if (application === 'new_mining' || application === 'report_then_produce') return outsideExplorationBlock(input.subject);
  if (application === 'extension' && kind === 'mining') return outsideOriginalArea();
  return null;
}

/** Inputs from this size (GeoJSON characters) up go to PostgreSQL one layer query per event-loop turn. */
const STAGGER_INPUT_CHARS = 512 * 1024;

export interface RunCheckOptions {
  /**
   * How the overlap geometries (PostGIS's GeoJSON text) become the entries' geometries: parsed by default. A route that
   * writes the answer with stringifyWithRaw passes lazyGeoJson (server/http/raw-json.ts): the text goes out as it came.
   */
  readGeometry?: GeometryReader;
}

export async function runCheck(db: Queryable, input: CheckInput, opts: RunCheckOptions = {}): Promise<CheckResult> {
  const read = opts.readGeometry ?? parseGeometry;
  const json = 'geometry_json' in input ? input.geometry_json : JSON.stringify(input.geometry);
  // encoded once for the nine overlay queries (every one reads it as `$1::text`)
  const g = db.textParam ? db.textParam(json) : json;
  const s = input.subject;
  const warnings: CheckResult['warnings'] = [];
  const contain = containmentDecision(input);
  const borderCheck = input.province_registered && s.mineral === 'cbm';
  const none = Promise.resolve({ rows: [] as OutsideRow[] });
  const noCover = Promise.resolve({ rows: [] as AgreementCoverRow[] });
  const noCommitment = Promise.resolve({ rows: [] as CommitmentCoverRow[] });
  const t0 = performance.now();
  // a failed layer query fails the check (guard.ts): an empty layer must mean "nothing there"
  const q = <T>(name: string, params: unknown[]) => guarded(name, db.named<T>(name, params));
  // A large input is copied into a fresh buffer for each query that sends it (pg's writer): 7 MB ten times for a
  // 200,000-corner polygon, tens to hundreds of ms of main thread on a shared 2-core VM (fresh memory is page-faulted
  // in). Sent one query per turn of the event loop, other requests (health) are answered between them, not after all.
  let turn: Promise<void> = Promise.resolve();
  const layer =
    json.length < STAGGER_INPUT_CHARS
      ? q
      : <T>(name: string, params: unknown[]) => {
          const mine = turn.then(() => new Promise<void>((ok) => setImmediate(ok)));
          turn = mine;
          return guarded(
            name,
            mine.then(() => db.named<T>(name, params)),
          );
        };
  // every layer query takes the register's instant last (null: as it stands; else its history, 012)
  const at = input.as_at ?? null;
  const queries = Promise.all([
    layer<BlockRow>('conflicts_blocks', [g, input.block_id, at]),
    layer<ProtectedAreaRow>('conflicts_protected_areas', [g, at]),
    layer<RedlineRow>('conflicts_redlines', [g, at]),
    layer<ReserveRow>('conflicts_reserves', [g, input.block_id, at]),
    layer<WellRow>('conflicts_wells', [g, s.applicant, at]),
    layer<PipelineRow>('conflicts_pipelines', [g, [...PIPELINE_CROSSING_CATEGORIES], at]),
    contain && input.block_id ? layer<OutsideRow>('conflicts_outside_block', [g, input.block_id, at]) : none,
    borderCheck ? layer<OutsideRow>('conflicts_outside_province', [g, HOME_PROVINCE, at]) : none,
    // agreements on file between the checked block and the rights it overlaps (issue 14 item 5)
    input.block_id ? layer<AgreementCoverRow>('conflicts_agreements', [g, input.block_id, s.as_of, at]) : noCover,
    // written commitments on file of the checked block over proposed red lines (PA-5; issue 14 item 5)
    input.block_id ? layer<CommitmentCoverRow>('conflicts_commitments', [g, input.block_id, s.as_of, at]) : noCommitment,
  ]);
  // the input's own area is measured while PostGIS works
  const a = typeof input.area_km2 === 'function' ? input.area_km2() : input.area_km2;
  const [blocks, pas, rls, res, wells, pipes, outside, province, covers, commitments] = await queries;
  const layersMs = performance.now() - t0;
  // register status flags (查封, 抵押) in force on the rights overlapped and on the checked block (issue 14 item 6):
  // asked for now and awaited beside the summary's union below (no outcome, share or area depends on them)
  const flagged = [...blocks.rows.map((r) => r.id), ...(input.block_id ? [input.block_id] : [])];
  const flagQuery = flagged.length
    ? q<RightFlagRef & { block_id: string }>('right_flags_active', [flagged, s.as_of, at])
    : Promise.resolve({ rows: [] as (RightFlagRef & { block_id: string })[] });
  // its failure is reported where it is awaited; until then it must not count as unhandled
  flagQuery.catch(() => undefined);
  const coverOf = new Map(covers.rows.map((c) => [c.id, c]));
  const commitmentOf = new Map(commitments.rows.map((c) => [c.id, c]));
  // a right's entries keep a `flags` slot where the flags go once known (the key's place in the answer as before:
  // right after the right's own members, before an agreement split's); emptied slots are removed
  const slotted: ConflictEntry[] = [];
  const blockEntries = blocks.rows.flatMap((r) => {
    const parts = splitByAgreement({ ...blockEntry(s, r, a, read), flags: undefined }, coverOf.get(r.id), a, read);
    slotted.push(...parts);
    return parts;
  });
  const conflicts: ConflictEntry[] = [
    ...blockEntries,
    ...res.rows.map((r) => reserveEntry(s, r, a, read)),
    ...pas.rows.map((r) => protectedAreaEntry(s, r, a, read)),
    ...rls.rows.flatMap((r) => splitByCommitment(redlineEntry(s, r, a, read), commitmentOf.get(r.id), a, read)),
    ...wells.rows.map((r) => wellEntry(s, r, a, read)).filter((e): e is ConflictEntry => e !== null),
    ...pipes.rows.map((r) => pipelineEntry(r, a, read)),
  ];
  // checks that could not run keep the verdict from "acceptable"
  const unchecked: Parameters<typeof checkVerdict>[2] = [];
  if (contain && !input.block_id) {
    const m = say(M, 'CONTAINMENT_NOT_CHECKED', { outcome: contain.outcome });
    warnings.push(m);
    unchecked.push({ outcome: contain.outcome, message: m });
  }
  for (const r of outside.rows)
    if (contain && Number(r.outside_km2) > 1e-9) conflicts.push(containmentEntry('blocks', r, contain, 'containment', a, read));
  if (borderCheck && province.rows.length === 0) {
    const m = say(M, 'PROVINCE_NOT_LOADED', { province: HOME_PROVINCE });
    warnings.push(m);
    unchecked.push({ outcome: 'crosses_provincial_border', message: m });
  }
  for (const r of province.rows)
    if (Number(r.outside_km2) > 1e-9)
      conflicts.push(containmentEntry('boundaries', r, crossesProvincialBorder(), 'provincial_border', a, read));
  const known: Record<string, number> = {};
  const unionOf = (key: string, rows: { union_km2?: number | null }[]) => {
    if (rows.length) known[key] = Number(rows[0].union_km2 ?? 0);
  };
  unionOf('blocks', blocks.rows);
  unionOf('reserves', res.rows);
  unionOf('protected-areas', pas.rows);
  unionOf('redlines', rls.rows);
  const t1 = performance.now();
  // both awaited together: a failure of either fails the check (no unhandled rejection)
  const [summary, { rows: flagRows }] = await Promise.all([
    guarded('conflicts_union_areas', summarize(db, conflicts, a, known)),
    flagQuery,
  ]);
  const t2 = performance.now();
  const flagsOf = (id: string) => flagRows.filter((f) => f.block_id === id).map(({ block_id: _b, ...f }) => f);
  for (const e of slotted) {
    const f = flagsOf(e.id);
    if (f.length) e.flags = f;
    else delete e.flags;
  }
  if (!s.applicant) warnings.push(say(M, 'APPLICANT_UNKNOWN'));
  for (const f of flagRows) {
    const p = { id: f.block_id, kind: f.kind, document_no: f.document_no, authority: f.authority };
    warnings.push(f.block_id === input.block_id ? say(M, 'SUBJECT_FLAGGED', p) : say(M, 'OVERLAPS_FLAGGED_RIGHT', p));
  }
  if (shanxiCbm(s) && s.application === 'extension' && conflicts.some((c) => c.basis.some((b) => b.rule === 'PA-7')))
    warnings.push(say(M, 'PA4_PA7_VERSIONS'));
  assertPlausible(conflicts, summary, a);
  const verdict = checkVerdict(conflicts, summary, unchecked);
  return { conflicts, summary, verdict, warnings, timing: { sql_ms: layersMs + (t2 - t1), total_ms: t2 - t0 } };
}
