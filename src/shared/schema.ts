import { Type, type TSchema } from '@sinclair/typebox';
import './formats.ts';

// Building blocks for the API schemas the server validates with and the UI checks forms with.
// Lengths follow the X12 5010 element maxima (NM103 60, NM104 35, N301 55, N401 30, REF02 50).
export const Text = (maxLength: number, extra: object = {}) =>
  Type.String({ minLength: 1, maxLength, ...extra });
export const Formatted = (format: string, maxLength = 20) => Type.String({ format, maxLength });
export const Nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
export const IsoDate = Formatted('iso-date', 10);
export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const Cents = Type.Integer({ minimum: 0, maximum: 99_999_999 });
export const Timestamp = Type.String({ format: 'date-time' });

export const AddressFields = {
  address1: Text(55),
  address2: Nullable(Text(55)),
  city: Text(30),
  state: Formatted('us-state', 2),
  zip: Formatted('zip', 9),
};

/** The fields every stored practice-owned row adds to what the user sent. */
export const RowFields = { id: Id, practiceId: Id, createdAt: Timestamp, updatedAt: Timestamp };

export const closed = { additionalProperties: false } as const;

export function ListOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}
