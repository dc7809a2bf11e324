import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PA_CATEGORIES, SEVERITIES, WELL_STATUSES } from '../../../server/vocab';
import {
  BLOCK_CLASSES,
  BLOCK_COLOURS,
  CANDIDATE_COLOURS,
  CHIP_TEXT,
  CLUSTER_COLOUR,
  FLAG_COLOURS,
  FOCUS_CASING,
  PANEL_BACKGROUND,
  PA_CATEGORY_COLOURS,
  SEVERITY_COLOURS,
  WELL_COLOURS,
} from './colours';
import { contrast, deltaE } from './contrast';
import { LEGEND } from './legend';

// WCAG 2.2 AA: 1.4.3 text ≥ 4.5:1 (small text), 1.4.11 graphics needed to understand the content ≥ 3:1
const TEXT = 4.5;
const GRAPHIC = 3;
/** two legend colours closer than this (CIE76 ΔE) read as one */
const DISTINCT = 10;

describe('WCAG contrast arithmetic', () => {
  it('matches the reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // the review's measurement: white on the old orange chip
    expect(contrast('#ffffff', '#fdae61')).toBeCloseTo(1.84, 2);
    expect(deltaE('#2c7fb8', '#2c7fb8')).toBe(0);
  });
});

describe('palette against WCAG 2.2 AA', () => {
  it('outcome chips: white text on every severity colour ≥ 4.5:1', () => {
    for (const [sev, bg] of Object.entries(SEVERITY_COLOURS))
      expect({ sev, ratio: contrast(CHIP_TEXT, bg) >= TEXT }).toEqual({ sev, ratio: true });
  });

  it('every legend swatch stands out from the panel ≥ 3:1', () => {
    for (const [group, swatches] of Object.entries(LEGEND))
      for (const s of swatches!) {
        const ratio = contrast(s.colour, PANEL_BACKGROUND);
        expect({ group, key: s.key, ok: ratio >= GRAPHIC }).toEqual({ group, key: s.key, ok: true });
      }
    for (const [sev, c] of Object.entries(SEVERITY_COLOURS))
      expect({ sev, ok: contrast(c, PANEL_BACKGROUND) >= GRAPHIC }).toEqual({ sev, ok: true });
    // the focus swatch is a bright line on a dark casing: the casing carries the contrast
    expect(contrast(FOCUS_CASING, PANEL_BACKGROUND)).toBeGreaterThanOrEqual(GRAPHIC);
  });

  it('candidate plan letters (text in their colour on white) ≥ 4.5:1', () => {
    for (const c of CANDIDATE_COLOURS) expect({ c, ok: contrast(c, PANEL_BACKGROUND) >= TEXT }).toEqual({ c, ok: true });
  });

  it("the page's text colours (styles.css :root) ≥ 4.5:1 on white and on the page background", () => {
    const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');
    const v = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)![1];
    for (const name of ['ink', 'muted', 'accent', 'warn'])
      for (const bg of ['#ffffff', v('bg')]) expect({ name, bg, ok: contrast(v(name), bg) >= TEXT }).toEqual({ name, bg, ok: true });
    // white text on the top bar and on primary buttons
    expect(contrast('#ffffff', '#17324d')).toBeGreaterThanOrEqual(TEXT);
    expect(contrast('#ffffff', v('accent'))).toBeGreaterThanOrEqual(TEXT);
  });
});

describe('legend', () => {
  const keys = (g: keyof typeof LEGEND) => LEGEND[g]!.map((s) => s.key);
  it('lists every category the map draws', () => {
    expect(keys('wells')).toEqual(expect.arrayContaining(Object.keys(WELL_COLOURS)));
    expect(keys('wells')).toEqual(expect.arrayContaining(['abandoned', 'plugged', 'wellCluster']));
    for (const k of Object.keys(WELL_COLOURS)) expect(Object.hasOwn(WELL_STATUSES, k)).toBe(true);
    expect(keys('protected')).toEqual(expect.arrayContaining(Object.keys(PA_CATEGORY_COLOURS)));
    for (const k of Object.keys(PA_CATEGORY_COLOURS)) expect(Object.hasOwn(PA_CATEGORIES, k)).toBe(true);
    // the block classes' fills, then the register flags' outlines (查封 / 抵押, issue 14 item 6)
    const fills = LEGEND.blocks!.filter((s) => s.kind === 'fill' || s.kind === 'hatch');
    expect(fills.map((s) => s.colour)).toEqual(BLOCK_CLASSES.map((c) => BLOCK_COLOURS[c]));
    expect(LEGEND.blocks!.filter((s) => s.kind === 'dash').map((s) => [s.key, s.colour])).toEqual(Object.entries(FLAG_COLOURS));
    expect(Object.keys(SEVERITY_COLOURS).sort()).toEqual(Object.keys(SEVERITIES).sort());
  });

  it('gives the colours of one group distinguishable hues', () => {
    for (const [group, swatches] of Object.entries(LEGEND)) {
      const solid = swatches!.filter((s, i) => swatches!.findIndex((o) => o.colour === s.colour) === i);
      for (let i = 0; i < solid.length; i++)
        for (let j = i + 1; j < solid.length; j++) {
          const d = deltaE(solid[i].colour, solid[j].colour);
          expect({ group, pair: [solid[i].key, solid[j].key], ok: d >= DISTINCT }).toEqual({
            group,
            pair: [solid[i].key, solid[j].key],
            ok: true,
          });
        }
    }
  });

  it('tells apart what the review found sharing one colour', () => {
    // well clusters vs drilling wells (both blue before)
    expect(deltaE(CLUSTER_COLOUR, WELL_COLOURS.drilling)).toBeGreaterThan(30);
    for (const c of Object.values(WELL_COLOURS)) expect(deltaE(CLUSTER_COLOUR, c)).toBeGreaterThan(20);
    // 泉域重点保护区 vs CBM exploration blocks (the same #2c7fb8 before); they overlap on the map
    expect(deltaE(PA_CATEGORY_COLOURS.spring_protection, BLOCK_COLOURS.cbm_exploration)).toBeGreaterThan(30);
    for (const c of Object.values(BLOCK_COLOURS)) expect(deltaE(PA_CATEGORY_COLOURS.spring_protection, c)).toBeGreaterThan(20);
  });
});
