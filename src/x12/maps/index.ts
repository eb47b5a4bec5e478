import { X221A1 } from './835.ts';
import { X222A1 } from './837p.ts';
import { X231A1 } from './999.ts';
import { X214 } from './277ca.ts';
import { X223A2 } from './837i.ts';
import { X279A1_270 } from './270.ts';
import { X279A1_271 } from './271.ts';
import { X212_276 } from './276.ts';
import { X212_277 } from './277.ts';
import type { TransactionMap } from './types.ts';

export type { TransactionMap } from './types.ts';

/** Every guide map we carry, registered by guide id. */
export const MAPS: readonly TransactionMap[] = [
  X222A1,
  X223A2,
  X221A1,
  X231A1,
  X214,
  X279A1_270,
  X279A1_271,
  X212_276,
  X212_277,
];

export interface MapChoice {
  map: TransactionMap;
  /** The id found in the file when it differs from the map's (errata / pre-addenda), e.g. 005010X222A2. */
  fellBackFrom?: string;
}

const base = (id: string): string => /^\d{6}X\d{3}/.exec(id)?.[0] ?? id;

function byId(id: string, setId: string): MapChoice | undefined {
  if (!id) return undefined;
  const exact = MAPS.find((m) => m.guide === id && m.setId === setId);
  if (exact) return { map: exact };
  const b = base(id);
  const near = MAPS.find((m) => base(m.guide) === b && m.setId === setId);
  return near ? { map: near, fellBackFrom: id } : undefined;
}

/**
 * Finds the guide map for a transaction set by ST03, then GS08, then ST01 alone when only one guide
 * uses that set id. Errata ids (X222A2, X223A3) and pre-addenda ids (X222, X231) fall back to the
 * guide we carry for the same base and say so.
 */
export function findMap(st01: string, st03: string, gs08: string): MapChoice | undefined {
  const hit = byId(st03.trim(), st01) ?? byId(gs08.trim(), st01);
  if (hit) return hit;
  const same = MAPS.filter((m) => m.setId === st01);
  if (same.length === 1 && st01 !== '277')
    return { map: same[0] as TransactionMap, fellBackFrom: st03 || gs08 || '(none)' };
  return undefined;
}
