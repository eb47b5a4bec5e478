import type { Executor } from '../db/connection.ts';
import { todayIso } from '../shared/dates.ts';
import { cms1500InputOf } from './cms1500/from-claim.ts';
import { renderCms1500 } from './cms1500/index.ts';
import { loadClaimModel } from './model.ts';
import type { claim, claimLine } from './tables.ts';
import { renderUb04 } from './ub04/render.ts';

type ClaimRow = typeof claim.$inferSelect;
type LineRow = typeof claimLine.$inferSelect;

/** The printed claim forms: the CMS-1500 for professional claims, the UB-04 for institutional ones. */
export const CLAIM_FORMS = {
  'CMS-1500': {
    path: 'cms1500',
    type: 'professional',
    wrongType: 'an institutional claim is billed on a UB-04, not a CMS-1500',
    summary: 'The claim on a CMS-1500 (02/12) form: background=form for plain paper, none for the red form',
  },
  'UB-04': {
    path: 'ub04',
    type: 'institutional',
    wrongType: 'a professional claim is billed on a CMS-1500, not a UB-04',
    summary:
      'An institutional claim on a UB-04 (CMS-1450), printed from the 837I model it is sent as: background=form for plain paper, none for the pre-printed form',
  },
} as const;
export type ClaimForm = keyof typeof CLAIM_FORMS;

/** The claim printed on its form, as a PDF (the caller checks the claim's type against the form). */
export async function renderClaimForm(
  db: Executor,
  form: ClaimForm,
  row: ClaimRow,
  lines: LineRow[],
  background: 'form' | 'none',
): Promise<Buffer> {
  const options = { background, creationDate: new Date() };
  const { model, print } = await loadClaimModel(db, row, lines);
  if (form === 'CMS-1500') return renderCms1500(cms1500InputOf({ model, print }, todayIso()), options);
  return renderUb04(model, { createdOn: todayIso(), billingPhone: print.billingProviderPhone }, options);
}
