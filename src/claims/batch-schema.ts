import { Type } from '@sinclair/typebox';
import { closed, Formatted, Id, RowFields, Text } from '../shared/schema.ts';

/** The submitter (1000A) and receiver (1000B) as the clearinghouse knows the practice; ISA06/ISA08. */
export const SubmitterSettingsFields = {
  submitterName: Text(60),
  submitterId: Text(15, { pattern: '^[A-Za-z0-9]+$' }),
  contactName: Text(60),
  contactPhone: Formatted('phone', 10),
  receiverName: Text(60),
  receiverId: Text(15, { pattern: '^[A-Za-z0-9]+$' }),
  usage: Type.Optional(Type.Union([Type.Literal('T'), Type.Literal('P')])),
  claimsPerTransaction: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
};

export const SubmitterSettingsCreate = Type.Object({ practiceId: Id, ...SubmitterSettingsFields }, closed);
export const SubmitterSettingsUpdate = Type.Partial(Type.Object(SubmitterSettingsFields), closed);
export const SubmitterSettings = Type.Object({ ...RowFields, ...SubmitterSettingsFields });
