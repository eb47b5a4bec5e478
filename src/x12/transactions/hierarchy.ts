// Shared by the 270/271/276/277 readers and writers: members (NM1, DMG, INS), repeated elements, and
// a transaction body put in guide order by its map (the map, not the writer, decides where a segment goes).
import { inGuideOrder, type LoopToWrite } from '../engine/guide-order.ts';
import { first, loopOf, type LoopNode } from '../engine/tree.ts';
import { validateX12 } from '../engine/validate.ts';
import type { Delimiters, Segment } from '../engine/types.ts';
import { element as el } from '../engine/values.ts';
import { formatSegment, WRITE_DELIMITERS, type SegmentFields } from '../engine/writer.ts';
import type { LoopRule } from '../maps/types.ts';
import type { TransactionMap } from '../maps/types.ts';
import { decode, encode, type ReadContext } from './codec.ts';
import { DMG } from './837-codecs.ts';
import { partySegments, readParty } from './837-parties.ts';
import { INS } from './eligibility-codecs.ts';
import type { Member } from './eligibility-types.ts';
import type { Party } from './837-types.ts';

/** The values of a repeating element (X12.5 repetition separator ISA11). */
export function repeatsOf(s: Segment, n: number, d: Delimiters): string[] {
  const v = el(s, n);
  if (v === '') return [];
  // A sender whose ISA11 equals ISA16 has no repetition separator: its repeats arrive as components.
  const sep = d.repetition ?? d.component;
  return v.split(sep).filter((x) => x !== '');
}

/** The name loop of a level: NM1 with N3/N4, REF, PER (readParty), DMG and INS. */
export function readMember(level: LoopNode, nameLoop: string, ctx: ReadContext): Member {
  const name = loopOf(level, nameLoop);
  if (!name) return { entityType: '1', lastOrOrganizationName: '' };
  const m: Member = readParty(name, ctx);
  const dmg = first(name, 'DMG') ?? first(level, 'DMG');
  if (dmg) Object.assign(m, decode(DMG, dmg, ctx));
  const ins = first(name, 'INS');
  if (ins) Object.assign(m, decode(INS, ins, ctx));
  return m;
}

/** A name loop's party (NM1 + address + REF + PER); the reader's Party has no DMG/INS fields. */
export const readPartyLoop = (level: LoopNode, nameLoop: string, ctx: ReadContext): Party => {
  const name = loopOf(level, nameLoop);
  return name ? readParty(name, ctx) : { entityType: '2', lastOrOrganizationName: '' };
};

/** NM1, N3/N4, REF (and DMG, INS when the member has them) of a member's name loop. */
export function memberSegments(entity: string, m: Member): SegmentFields[] {
  const { birthDate, gender, relationship, ...party } = m;
  const out = partySegments(entity, party);
  if (birthDate || gender) out.push(encode(DMG, { birthDate, gender }));
  if (relationship) out.push(encode(INS, { relationship }));
  return out;
}

const roots = new WeakMap<TransactionMap, LoopRule>();

/** The segments between ST and SE, in the guide's order; a segment the guide has no place for is a bug here. */
export function bodyInOrder(map: TransactionMap, tree: LoopToWrite): SegmentFields[] {
  let root = roots.get(map);
  if (!root) {
    root = { kind: 'loop', id: 'ST', name: map.name, usage: 'R', max: 1, children: map.body };
    roots.set(map, root);
  }
  const unplaced: SegmentFields[] = [];
  const out = inGuideOrder(root, tree, [], unplaced);
  if (unplaced.length > 0) {
    const list = unplaced.slice(0, 5).map((s) => formatSegment(s, WRITE_DELIMITERS));
    throw new Error(
      `${map.guide} ${map.setId} has no place for ${unplaced.length} segment(s): ${list.join(' ')}`,
    );
  }
  return out;
}

/** HL segments numbered as they are made: HL01 the next number, HL02 the parent's. */
export class HlCounter {
  private n = 0;
  /** `hasChildren` null leaves HL04 out (X212's dependent level marks it Not Used). */
  next(parent: string, level: string, hasChildren: boolean | null): [SegmentFields, string] {
    const id = String(++this.n);
    const hl: SegmentFields = ['HL', id, parent, level];
    return [hasChildren === null ? hl : [...hl, hasChildren ? '1' : '0'], id];
  }
}

/** The text, once our own validator accepts it: a writer that makes an invalid file has a bug, so it throws. */
export function checked(what: string, text: string): string {
  const v = validateX12(text);
  if (v.valid) return text;
  const first = v.problems.slice(0, 3).map((p) => `${p.code} ${p.element ?? p.segmentId ?? ''} ${p.message}`);
  throw new Error(`${what} made an invalid file: ${first.join('; ')}`);
}
