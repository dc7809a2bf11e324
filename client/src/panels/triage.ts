/**
 * Conflict results triaged for the page (pure, unit-tested in triage.test.ts): by severity, most serious first;
 * inside a severity the areal findings (rights, reserves, protected areas, red lines, containment) one by one, largest
 * overlap first, and wells and pipelines grouped by outcome and counted by holder and by status instead of one row each.
 */
import type { Conflict } from '../api/contract';
import { outcomeSeverity, type Severity } from '../../../server/vocab';

export const SEVERITY_ORDER: readonly Severity[] = ['block', 'condition', 'info', 'ok'];
const GROUPED = ['wells', 'pipelines'] as const;
type GroupedCollection = (typeof GROUPED)[number];
const isGrouped = (c: string): c is GroupedCollection => (GROUPED as readonly string[]).includes(c);

/** How many entries share a value (null: not recorded), most first, then by value; not recorded last. */
export interface Tally {
  key: string | null;
  n: number;
}

export function tally(values: readonly (string | null | undefined)[]): Tally[] {
  const m = new Map<string | null, number>();
  for (const v of values) {
    const k = v === undefined || v === null || v.trim() === '' ? null : v;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m.entries()]
    .map(([key, n]) => ({ key, n }))
    .sort((a, b) => Number(a.key === null) - Number(b.key === null) || b.n - a.n || (a.key ?? '').localeCompare(b.key ?? '', 'zh'));
}

/** The first `max` tallies and what the rest add up to (shown as "其他 n"). */
export function topTallies(t: readonly Tally[], max: number): { shown: Tally[]; rest: number } {
  return { shown: t.slice(0, max), rest: t.slice(max).reduce((s, x) => s + x.n, 0) };
}

/** Wells or pipelines with one outcome: counted, by holder and by status; pipelines with their summed lengths (km). */
export interface PointGroup {
  collection: GroupedCollection;
  outcome: string;
  items: Conflict[];
  byHolder: Tally[];
  byStatus: Tally[];
  /** pipelines: summed crossing length inside the input (km) */
  length_km: number;
  /** pipelines: summed length inside the input (km) */
  length_in_input_km: number;
}

export interface SeveritySection {
  severity: Severity;
  /** entries in the section (grouped ones counted one by one) */
  count: number;
  areal: Conflict[];
  groups: PointGroup[];
}

export function triage(conflicts: readonly Conflict[]): SeveritySection[] {
  const sections = new Map<Severity, SeveritySection>();
  const groups = new Map<string, PointGroup>();
  for (const c of conflicts) {
    const severity = outcomeSeverity(c.outcome);
    const s = sections.get(severity) ?? { severity, count: 0, areal: [], groups: [] };
    sections.set(severity, s);
    s.count++;
    if (!isGrouped(c.collection)) {
      s.areal.push(c);
      continue;
    }
    const key = `${severity}|${c.collection}|${c.outcome}`;
    let g = groups.get(key);
    if (!g) {
      g = { collection: c.collection, outcome: c.outcome, items: [], byHolder: [], byStatus: [], length_km: 0, length_in_input_km: 0 };
      groups.set(key, g);
      s.groups.push(g);
    }
    g.items.push(c);
    g.length_km += c.length_km ?? 0;
    g.length_in_input_km += c.length_in_input_km ?? 0;
  }
  for (const g of groups.values()) {
    g.byHolder = tally(g.items.map((c) => c.holder));
    g.byStatus = tally(g.items.map((c) => c.status));
    g.items.sort(
      (a, b) => (b.length_in_input_km ?? 0) - (a.length_in_input_km ?? 0) || (a.name ?? a.id).localeCompare(b.name ?? b.id, 'zh'),
    );
  }
  const out = SEVERITY_ORDER.flatMap((k) => (sections.has(k) ? [sections.get(k)!] : []));
  for (const s of out) {
    // containment findings first, then the largest overlap
    s.areal.sort((a, b) => Number(!!b.check) - Number(!!a.check) || b.overlap_area_km2 - a.overlap_area_km2);
    // rights before pipelines before wells, then the larger group
    s.groups.sort((a, b) => GROUPED.indexOf(b.collection) - GROUPED.indexOf(a.collection) || b.items.length - a.items.length);
  }
  return out;
}

/** Severities present, with the outcomes behind each and their counts (the map legend). */
export function legendOf(conflicts: readonly Conflict[]): { severity: Severity; n: number; outcomes: Tally[] }[] {
  return triage(conflicts).map((s) => ({
    severity: s.severity,
    n: s.count,
    outcomes: tally(conflicts.filter((c) => outcomeSeverity(c.outcome) === s.severity).map((c) => c.outcome)),
  }));
}
