// HL7 v2 data types read into chart content's: DT/TS dates, CE/CWE code systems, XCN providers.
import { isValidNpi } from '../../shared/npi.ts';
import type { ChartCode, ChartPractitioner } from '../content.ts';
import { hl7Problem, type Hl7Problem } from './problems.ts';
import type { Segment } from './segment.ts';

/** The date of an HL7 DT or TS value (YYYYMMDD[HHMM[SS]][+ZZZZ]): YYYY-MM-DD, or undefined if it is not one. */
export function hl7Date(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2,}(?:\.\d+)?)?([+-]\d{4})?$/.exec(value);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** An HL7 TS as an ISO timestamp (UTC when the sender gives no offset). */
export function hl7Timestamp(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})?(\d{2})?(?:\.\d+)?)?([+-]\d{2})?(\d{2})?$/.exec(value);
  if (!m || !hl7Date(value.slice(0, 8))) return undefined;
  const zone = m[7] ? `${m[7]}:${m[8] ?? '00'}` : 'Z';
  return new Date(
    `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`,
  ).toISOString();
}

/** Reads a required date field, adding a problem when it is empty or not a date. */
export function requiredDate(
  seg: Segment,
  field: number,
  what: string,
  problems: Hl7Problem[],
): string | undefined {
  const value = seg.value(field);
  if (!value) {
    problems.push(hl7Problem('HL7_FIELD_MISSING', `${seg.name}-${field} (${what}) is empty`, seg.at(field)));
    return undefined;
  }
  const date = hl7Date(value);
  if (!date)
    problems.push(
      hl7Problem(
        'HL7_FIELD_INVALID',
        `${seg.name}-${field} (${what}) "${value}" is not a date (YYYYMMDD)`,
        seg.at(field),
      ),
    );
  return date;
}

/** HL7 table 0396 coding system names (and the older ones senders still use) → chart code systems. */
const SYSTEMS: Record<string, ChartCode['system']> = {
  I10: 'ICD-10-CM',
  I10C: 'ICD-10-CM',
  ICD10: 'ICD-10-CM',
  'ICD-10-CM': 'ICD-10-CM',
  ICD10CM: 'ICD-10-CM',
  I10P: 'ICD-10-PCS',
  'ICD-10-PCS': 'ICD-10-PCS',
  C4: 'CPT',
  C5: 'CPT',
  CPT: 'CPT',
  CPT4: 'CPT',
  HCPCS: 'HCPCS',
  HCPT: 'HCPCS',
  HPC: 'HCPCS',
  SCT: 'SNOMED',
  SNM: 'SNOMED',
  SNOMED: 'SNOMED',
  LN: 'LOINC',
  LOINC: 'LOINC',
};

/** The system of a coded value: as the sender names it (CE-3), else by the code's shape. */
export function codeSystem(
  code: string,
  named: string,
  kind: 'diagnosis' | 'procedure',
): ChartCode['system'] {
  const system = SYSTEMS[named.toUpperCase()];
  if (system) return system;
  if (kind === 'diagnosis' && /^[A-TV-Z]\d[0-9A-Z](\.?[0-9A-Z]{1,4})?$/.test(code)) return 'ICD-10-CM';
  if (/^\d{4}[0-9FTU]$/.test(code)) return 'CPT';
  if (/^[A-V]\d{4}$/.test(code)) return 'HCPCS';
  return 'other';
}

/**
 * A provider named in an XCN field (PV1-7, FT1-20, TXA-5, OBR-16): id^family^given. Only an id
 * that is a valid NPI matches a provider; another id (the EHR's own) is reported and left out.
 */
export function practitionerAt(
  seg: Segment,
  field: number,
  problems: Hl7Problem[],
): ChartPractitioner | undefined {
  const id = seg.value(field, 1);
  const lastName = seg.value(field, 2);
  if (!id && !lastName) return undefined;
  if (!isValidNpi(id)) {
    problems.push(
      hl7Problem(
        'HL7_FIELD_IGNORED',
        `${seg.name}-${field} names ${lastName || 'a provider'} with id "${id}", not a valid NPI: the provider is left out`,
        seg.at(field, 1),
      ),
    );
    return undefined;
  }
  const firstName = seg.value(field, 3);
  return {
    npi: id,
    lastName: lastName || id,
    ...(firstName ? { firstName } : {}),
    where: { field: `${seg.name}-${field}`, line: seg.number },
  };
}
