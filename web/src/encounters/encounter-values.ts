import { formatDollars, parseDollars } from '../../../src/shared/money.ts';
import type { FieldError } from '../api/problem.ts';
import type { Encounter } from '../api/types.ts';
import type { FieldFor } from '../forms/field-errors.ts';
import type { InstitutionalData } from '../../../src/encounters/institutional.ts';

/** The UB-04 part as the form holds it: switched on or off, value amounts as typed dollars. */
export type InstitutionalValues = Partial<Omit<InstitutionalData, 'values'>> & {
  enabled?: boolean;
  values?: { code?: string; amount?: string }[];
};

/** A service line as the form holds it: the charge as typed dollars, blank for the fee schedule. */
export interface LineValues {
  procedureCode?: string;
  modifiers?: string[];
  units?: number;
  charge?: string;
  diagnosisPointers?: number[];
  serviceDate?: string;
  ndc?: string | null;
  /** Loop 2410 CTP04 and CTP05-1: the drug's quantity and unit. */
  ndcQuantity?: number | null;
  ndcUnit?: string | null;
  revenueCode?: string | null;
}

export interface EncounterValues {
  patientId?: number;
  serviceDateFrom?: string;
  serviceDateTo?: string;
  placeOfService?: string;
  renderingProviderId?: number;
  referringProviderId?: number | null;
  facilityId?: number | null;
  priorAuthorization?: string;
  diagnoses: string[];
  serviceLines: LineValues[];
  institutional?: InstitutionalValues;
}

export const NEW_LINE: LineValues = { modifiers: [], units: 1, diagnosisPointers: [1] };

export function valuesOf(e: Encounter): EncounterValues {
  return {
    ...e,
    referringProviderId: e.referringProviderId ?? null,
    facilityId: e.facilityId ?? null,
    priorAuthorization: e.priorAuthorization ?? '',
    institutional: e.institutional
      ? {
          ...e.institutional,
          enabled: true,
          values: (e.institutional.values ?? []).map((v) => ({
            code: v.code,
            amount: formatDollars(v.amountCents),
          })),
        }
      : { enabled: false },
    serviceLines: e.serviceLines.map((l) => ({
      procedureCode: l.procedureCode,
      modifiers: l.modifiers,
      units: l.units,
      charge: formatDollars(l.chargeCents),
      diagnosisPointers: l.diagnosisPointers,
      // A line dated like the encounter took its date from it: let it follow the encounter's date.
      ...(l.serviceDate !== e.serviceDateFrom ? { serviceDate: l.serviceDate } : {}),
      ndc: l.ndc,
      ndcQuantity: l.ndcQuantity,
      ndcUnit: l.ndcUnit,
      revenueCode: l.revenueCode,
    })),
  };
}

/** Switching the UB-04 on: the usual outpatient bill, discharged home, where nothing is chosen yet. */
export function switchedOnUb04(current: InstitutionalValues | undefined): InstitutionalValues {
  return {
    ...current,
    enabled: true,
    billType: current?.billType || '131',
    patientStatus: current?.patientStatus || '01',
  };
}

const present = <T extends object>(rows: T[] | undefined) =>
  (rows ?? []).filter((r) => Object.values(r).some((v) => !blank(v)));

/** The UB-04 form part → the API's institutional object (null when the encounter is billed on a CMS-1500). */
function institutionalBody(v: InstitutionalValues | undefined, errors: FieldError[]) {
  if (!v?.enabled) return null;
  const { enabled: _e, values, ...rest } = v;
  const clean = Object.fromEntries(
    Object.entries(rest).filter(([, x]) => !blank(x) && !(Array.isArray(x) && x.length === 0)),
  );
  return {
    ...clean,
    ...(rest.presentOnAdmission ? { presentOnAdmission: rest.presentOnAdmission.map((p) => p ?? '') } : {}),
    ...(rest.occurrences ? { occurrences: present(rest.occurrences) } : {}),
    ...(rest.procedures ? { procedures: present(rest.procedures) } : {}),
    ...(values
      ? {
          values: present(values).map((x, i) => ({
            code: upper(x.code),
            amountCents:
              chargeCentsOf(String(x.amount ?? ''), `/institutional/values/${i}/amountCents`, errors) ?? 0,
          })),
        }
      : {}),
  };
}

const upper = (s: string | undefined) => (s ?? '').trim().toUpperCase();
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A typed charge ("$1,250.00") in cents; an error at the pointer when it is not a dollar amount. */
export function chargeCentsOf(text: string, pointer: string, errors: FieldError[]): number | undefined {
  try {
    return parseDollars(text.replace(/[$,]/g, ''));
  } catch {
    errors.push({ pointer, detail: 'is not a dollar amount (for example 125.00)' });
    return undefined;
  }
}

/** Form values → the API body; a charge that is not a dollar amount is an error at its line. */
export function bodyOf(v: EncounterValues): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const serviceLines = (v.serviceLines ?? []).map((l, i) => {
    const chargeCents = blank(l.charge)
      ? undefined
      : chargeCentsOf(String(l.charge), `/serviceLines/${i}/chargeCents`, errors);
    return {
      ...(blank(l.procedureCode) ? {} : { procedureCode: upper(l.procedureCode) }),
      ...(blank(l.revenueCode) ? {} : { revenueCode: String(l.revenueCode).trim() }),
      ...(l.modifiers?.length ? { modifiers: l.modifiers.map(upper) } : {}),
      units: l.units,
      ...(chargeCents === undefined ? {} : { chargeCents }),
      diagnosisPointers: l.diagnosisPointers ?? [],
      ...(blank(l.serviceDate) ? {} : { serviceDate: l.serviceDate }),
      ...(blank(l.ndc)
        ? {}
        : {
            ndc: String(l.ndc).replace(/\D/g, ''),
            ...(l.ndcQuantity == null ? {} : { ndcQuantity: l.ndcQuantity }),
            ...(blank(l.ndcUnit) ? {} : { ndcUnit: l.ndcUnit }),
          }),
    };
  });
  const body: Record<string, unknown> = {
    patientId: v.patientId,
    serviceDateFrom: blank(v.serviceDateFrom) ? undefined : v.serviceDateFrom,
    ...(blank(v.serviceDateTo) ? {} : { serviceDateTo: v.serviceDateTo }),
    placeOfService: (v.placeOfService ?? '').trim(),
    renderingProviderId: v.renderingProviderId,
    referringProviderId: v.referringProviderId ?? null,
    facilityId: v.facilityId ?? null,
    priorAuthorization: blank(v.priorAuthorization) ? null : v.priorAuthorization?.trim(),
    diagnoses: (v.diagnoses ?? []).map(upper),
    serviceLines,
    institutional: institutionalBody(v.institutional, errors),
  };
  return { body: Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined)), errors };
}

const HEADER = [
  'patientId',
  'serviceDateFrom',
  'serviceDateTo',
  'placeOfService',
  'renderingProviderId',
  'referringProviderId',
  'facilityId',
  'priorAuthorization',
];
const LINE = [
  'procedureCode',
  'revenueCode',
  'modifiers',
  'units',
  'chargeCents',
  'diagnosisPointers',
  'ndc',
  'ndcQuantity',
  'ndcUnit',
];

/** Where the encounter form shows an API error: header fields, each diagnosis, each line's cell. */
export const encounterFieldFor: FieldFor = (path) => {
  const [head, index, field] = path;
  if (typeof head === 'string' && HEADER.includes(head) && path.length === 1) return [head];
  if (head === 'diagnoses' && typeof index === 'number') return ['diagnoses', index];
  // UB-04 fields: errors show at the field (or the list entry) they name.
  if (head === 'institutional' && typeof index === 'string')
    return typeof field === 'number' ? ['institutional', index, field] : ['institutional', index];
  if (
    head === 'serviceLines' &&
    typeof index === 'number' &&
    typeof field === 'string' &&
    LINE.includes(field)
  ) {
    return ['serviceLines', index, field === 'chargeCents' ? 'charge' : field];
  }
  return undefined;
};
