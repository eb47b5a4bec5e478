import { MemoryControlNumbers, validateX12, type X12Problem } from '../x12/index.ts';
import { write837, type Transaction837, type Write837Options } from '../x12/transactions/837-generate.ts';
import type { ProfessionalClaim } from '../x12/transactions/837-types.ts';

/** The finding a claim gets back when the 837 written for it breaks the TR3 (stored beside the scrubber's findings). */
export const X12_INVALID = {
  code: 'X12-INVALID',
  fixHint:
    'The claim was taken out of the batch: the 837 written for it breaks the implementation guide. Correct the data named, then scrub and batch it again.',
} as const;

/** Loops that belong to one claim (subscriber, patient, claim, lines); anything above is the batch's. */
const CLAIM_LOOP = /^(2000B|2010B|2000C|2010C|23|24)/;

export const isError = (p: X12Problem) => p.severity === 'error' || p.severity === 'fatal';

/** A problem in a biller's words with where it is: `loop 2000B: SBR02 (Individual Relationship Code) "19" is not one of 18.` */
export function describeProblem(p: X12Problem): string {
  return p.loop ? `loop ${p.loop}: ${p.message}` : p.message;
}

/** The errors of a written file: those of the envelope and header (the batch's), and whether any are claim-level. */
export function fileErrors(x12: string): { batch: string[]; claim: number } {
  const errors = validateX12(x12).problems.filter(isError);
  const claim = errors.filter((p) => p.loop && CLAIM_LOOP.test(p.loop)).length;
  const batch = errors.filter((p) => !(p.loop && CLAIM_LOOP.test(p.loop))).map(describeProblem);
  return { batch, claim };
}

/**
 * Which claims break the guide: each is written alone into an interchange like the batch's (control
 * numbers from memory, so none is used up) and validated; a claim the writer has no place for (e.g.
 * more diagnoses than the form takes) is named too. Pure: no database, no clock.
 */
export async function claimsBreakingGuide(
  claims: { claimId: number; model: ProfessionalClaim }[],
  set: Omit<Transaction837, 'claims'>,
  envelope: Omit<Write837Options, 'numbers'>,
): Promise<Map<number, string[]>> {
  const broken = new Map<number, string[]>();
  for (const { claimId, model } of claims) {
    let x12: string;
    try {
      x12 = await write837([{ ...set, claims: [model] }], {
        ...envelope,
        numbers: new MemoryControlNumbers(),
      });
    } catch (e) {
      broken.set(claimId, [(e as Error).message]);
      continue;
    }
    const errors = validateX12(x12)
      .problems.filter((p) => isError(p) && p.loop && CLAIM_LOOP.test(p.loop))
      .map(describeProblem);
    if (errors.length) broken.set(claimId, errors);
  }
  return broken;
}
