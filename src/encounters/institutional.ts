import { Type, type Static } from '@sinclair/typebox';
import { Cents, closed, Formatted, Id, IsoDate, Nullable } from '../shared/schema.ts';

// What a facility bills on a UB-04 / 837I beyond the professional encounter: the form locators
// (FL) and the 837I segments they travel in are named on each field.
const Hour = Type.String({ pattern: '^([01]\\d|2[0-3])$', maxLength: 2 });
const Code = Formatted('nubc-code', 2);
const CodeList = (maxItems: number) => Type.Array(Code, { maxItems, uniqueItems: true });

/** X12 HI holds 12 codes a segment and the 837I allows two segments of each kind. */
export const MAX_INSTITUTIONAL_CODES = 24;

export const InstitutionalData = Type.Object(
  {
    /** FL4 without its leading zero (131 hospital outpatient, 111 inpatient admit through discharge); CLM05-1/CLM05-3. */
    billType: Formatted('type-of-bill', 3),
    /** FL12 and FL13; DTP*435. Required on inpatient claims. */
    admissionDate: Nullable(IsoDate),
    admissionHour: Nullable(Hour),
    /** FL14 priority (type) of admission: 1 emergency, 2 urgent, 3 elective, 4 newborn, 5 trauma, 9 unknown; CL101. */
    admissionType: Nullable(Type.String({ pattern: '^[1-59]$', maxLength: 1 })),
    /** FL15 point of origin; CL102. */
    admissionSource: Nullable(Type.String({ pattern: '^[1-9A-GZ]$', maxLength: 1 })),
    /** FL16 discharge hour; DTP*096. */
    dischargeHour: Nullable(Hour),
    /** FL17 patient discharge status (01 home, 02 short-term hospital, 03 SNF, 20 expired, 30 still a patient…); CL103. */
    patientStatus: Type.String({ pattern: '^\\d{2}$', maxLength: 2 }),
    /** FL77 operating physician; loop 2310B. The attending physician (FL76, 2310A) is the encounter's rendering provider. */
    operatingProviderId: Nullable(Id),
    /** FL69 admitting diagnosis; HI*ABJ. Inpatient only. */
    admittingDiagnosis: Nullable(Formatted('icd10cm-code', 8)),
    /** FL70 patient's reason for visit; HI*APR. Outpatient unscheduled visits. */
    reasonForVisit: Type.Optional(
      Type.Array(Formatted('icd10cm-code', 8), { maxItems: 3, uniqueItems: true }),
    ),
    /** FL72 external cause of injury; HI*ABN. */
    externalCauses: Type.Optional(
      Type.Array(Formatted('icd10cm-code', 8), { maxItems: 12, uniqueItems: true }),
    ),
    /** FL67 present-on-admission indicator per diagnosis, in diagnosis order: Y, N, U, W, or 1 (exempt); HI0x-9. */
    presentOnAdmission: Type.Optional(
      Type.Array(Type.Union(['Y', 'N', 'U', 'W', '1', ''].map((v) => Type.Literal(v))), {
        maxItems: 25,
      }),
    ),
    /** FL18–28 condition codes; HI*BG. */
    conditionCodes: Type.Optional(CodeList(MAX_INSTITUTIONAL_CODES)),
    /** FL31–34 occurrence codes and dates; HI*BH. */
    occurrences: Type.Optional(
      Type.Array(Type.Object({ code: Code, date: IsoDate }, closed), { maxItems: MAX_INSTITUTIONAL_CODES }),
    ),
    /** FL35–36 occurrence span codes and dates; HI*BI. */
    occurrenceSpans: Type.Optional(
      Type.Array(Type.Object({ code: Code, from: IsoDate, to: IsoDate }, closed), {
        maxItems: MAX_INSTITUTIONAL_CODES,
      }),
    ),
    /** FL39–41 value codes and amounts in cents (a count such as covered days 80 is written as 5.00); HI*BE. */
    values: Type.Optional(
      Type.Array(Type.Object({ code: Code, amountCents: Cents }, closed), {
        maxItems: MAX_INSTITUTIONAL_CODES,
      }),
    ),
    /** FL74 ICD-10-PCS procedures, principal first; HI*BBR then HI*BBQ. Inpatient only. */
    procedures: Type.Optional(
      Type.Array(Type.Object({ code: Formatted('icd10pcs-code', 7), date: IsoDate }, closed), {
        maxItems: 25,
      }),
    ),
  },
  closed,
);
export type InstitutionalData = Static<typeof InstitutionalData>;
