import { Type } from '@sinclair/typebox';
import { closed, Id, Text } from '../shared/schema.ts';

// A payer's rules, declared as data (src/scrubber/payer-rules.ts applies them to claims).
export const PayerRuleFields = {
  payerId: Id,
  kind: Type.Union(
    ['prior-auth-required', 'rendering-taxonomy-required', 'clia-required', 'ndc-required'].map((k) =>
      Type.Literal(k),
    ),
  ),
  procedureCodes: Type.Array(Type.String({ format: 'procedure-code', maxLength: 5 }), {
    maxItems: 500,
    uniqueItems: true,
  }),
  note: Type.Optional(Type.Union([Text(200), Type.Null()])),
  active: Type.Optional(Type.Boolean()),
};
export const PayerRuleCreate = Type.Object({ practiceId: Id, ...PayerRuleFields }, closed);
export const PayerRuleUpdate = Type.Partial(Type.Object(PayerRuleFields), closed);
export const PayerRuleItem = Type.Object({
  id: Id,
  practiceId: Id,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  ...PayerRuleFields,
});
