import { Type } from '@sinclair/typebox';
import { closed, Formatted, Id, Nullable, RowFields, Text } from '../shared/schema.ts';

/** An outbox folder a manager may name: relative, inside the data directory (no "..", no absolute path). */
const OUTBOX_DIR_PATTERN = '^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$';

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
  /** The connection: batch files are written into this folder under the data directory (the outbox). */
  outboxDir: Nullable(Text(200, { pattern: OUTBOX_DIR_PATTERN })),
};

export const SubmitterSettingsCreate = Type.Object({ practiceId: Id, ...SubmitterSettingsFields }, closed);
export const SubmitterSettingsUpdate = Type.Partial(Type.Object(SubmitterSettingsFields), closed);
export const SubmitterSettings = Type.Object({ ...RowFields, ...SubmitterSettingsFields });
