import { Type } from '@sinclair/typebox';
import { IsoDate, Id, Nullable, Text, closed } from '../shared/schema.ts';

// The ledger's request bodies: the server validates with them and the UI checks its forms with them.
const Amount = Type.Integer({ minimum: 1, maximum: 99_999_999 });

export const ChosenLines = Type.Array(
  Type.Object({ serviceLineId: Id, amountCents: Type.Optional(Amount) }, closed),
  { minItems: 1, maxItems: 500 },
);

export const PaymentBody = Type.Object(
  {
    method: Type.Union([Type.Literal('cash'), Type.Literal('check'), Type.Literal('card')]),
    /** The check number or the card transaction's reference. */
    reference: Nullable(Text(50)),
    amountCents: Amount,
    receivedDate: IsoDate,
    memo: Nullable(Text(200)),
    /** The lines to pay, in order; left out, the oldest visit first. */
    lines: Type.Optional(ChosenLines),
  },
  closed,
);

export const ApplyCreditBody = Type.Object({ lines: Type.Optional(ChosenLines) }, closed);

export const RefundBody = Type.Object(
  { amountCents: Type.Optional(Amount), memo: Nullable(Text(200)) },
  closed,
);

/** Why a payment is taken back (a returned check, a chargeback). */
export const ReverseBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 200 }) }, closed);

/** Write off what the patient owes: the chosen lines, or all; the reason is kept on each entry. */
export const WriteOffBody = Type.Object(
  { lines: Type.Optional(ChosenLines), reason: Type.String({ minLength: 3, maxLength: 200 }) },
  closed,
);
