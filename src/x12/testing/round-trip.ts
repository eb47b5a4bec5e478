// Test-only helpers for the 837 round trip over the shared samples: which files SOURCES.md lists as
// published, and the one documented normalisation of segments before comparing them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentDef, type SimpleElementDef } from '../dictionary/index.ts';
import { formatCents, parseCents } from '../engine/money.ts';
import type { Segment } from '../engine/types.ts';
import { SAMPLES } from './fixtures.ts';

/** Files of one SOURCES.md section (e.g. "837P") whose "Source says" column is "as published". */
export function publishedSamples(folder: string): string[] {
  const text = readFileSync(join(SAMPLES, 'SOURCES.md'), 'utf8');
  const section = text.split(/^## /m).find((s) => (s.split('\n')[0] ?? '').includes(`\`${folder}/\``)) ?? '';
  const out: string[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = /^`(.+)`$/.exec(cells[1] ?? '')?.[1];
    if (file && cells[6] === 'as published') out.push(`${folder}/${file}`);
  }
  return out;
}

/** X12.6 R amounts: "150.00" and "150" are the same value (our money type is integer cents). */
const isAmount = (d: SimpleElementDef | undefined): boolean =>
  d?.type === 'R' && (d.name === 'Monetary Amount' || d.name === 'Rate');

function normalValue(v: string, def: SimpleElementDef | undefined): string {
  const cents = v !== '' && isAmount(def) ? parseCents(v) : null;
  return cents === null ? v : formatCents(cents);
}

/**
 * Segments as comparable text, one string per segment ("CLM|A1|100||11:B:1…", components joined with
 * ":" whatever the file's separator). Normalised:
 * - trailing empty elements and trailing empty components are dropped (the writer never writes them);
 * - amounts (dictionary "Monetary Amount"/"Rate", type R) are written in their shortest form;
 * - HL01/HL02 are renumbered 1, 2, 3… in order of appearance, when `renumberHl` (for files whose
 *   later transaction sets continue the previous set's HL numbers).
 */
export function comparable(segments: readonly Segment[], component: string, renumberHl: boolean): string[] {
  const hl = new Map<string, string>();
  return segments.map((s) => {
    const def = segmentDef(s.id);
    const el = s.el.map((e, i) => {
      const d = i === 0 ? undefined : def?.elements[i - 1];
      const comps = e
        .split(component)
        .map((v, k) => normalValue(v, d?.kind === 'composite' ? d.components[k] : k === 0 ? d : undefined));
      while (comps.length > 1 && comps[comps.length - 1] === '') comps.pop();
      return comps.join(':');
    });
    if (renumberHl && s.id === 'HL') {
      hl.set(el[1] ?? '', String(hl.size + 1));
      el[1] = hl.get(el[1] ?? '') ?? '';
      if (el[2]) el[2] = hl.get(el[2]) ?? el[2];
    }
    while (el.length > 1 && el[el.length - 1] === '') el.pop();
    return el.join('|');
  });
}
