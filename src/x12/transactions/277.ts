// 277 reader (005010X212): each member level's claims → their statuses (STC categories, status and
// entity codes, amounts, payer claim number, check or EFT number and date), through the field tables
// the 277 writer and the 277CA reader share. In a biller's words: ../claim-status-summary.ts.
import { all, loopsOf } from '../engine/tree.ts';
import { DEFAULT_DELIMITERS } from '../engine/types.ts';
import { asValidation, type X12Input } from '../engine/validate.ts';
import { ProblemList, type X12Problem } from '../problems.ts';
import type { ReadContext } from './codec.ts';
import { readStatus } from './claim-status-codecs.ts';
import type { ClaimStatusReport, ClaimStatusResponse } from './claim-status-types.ts';
import { claimLevels, readClaimKeys, readLine } from './276.ts';

export interface Parse277Result {
  responses: ClaimStatusResponse[];
  problems: X12Problem[];
  valid: boolean;
}

/** Reads every 277 (X212) transaction set: one response per member level with claims. */
export function parse277(input: X12Input): Parse277Result {
  const v = asValidation(input);
  const extra = new ProblemList();
  const ctx: ReadContext = { d: v.document.delimiters ?? DEFAULT_DELIMITERS, problems: extra };
  const responses: ClaimStatusResponse[] = [];
  claimLevels(v, '277', '005010X212', ctx, (envelope, loops, suffix) => {
    const claims = loops.map((l) => {
      const c = readClaimKeys<ClaimStatusReport>(l);
      c.statuses = all(l, 'STC').map((s) => readStatus(s, ctx));
      c.lines = loopsOf(l, `2220${suffix}`).map((x) => ({
        ...readLine(x, ctx),
        statuses: all(x, 'STC').map((s) => readStatus(s, ctx)),
      }));
      return c;
    });
    responses.push({ ...envelope, claims });
  });
  return {
    responses,
    problems: [...v.problems, ...extra.toArray()],
    valid: v.valid && extra.items.length === 0,
  };
}
