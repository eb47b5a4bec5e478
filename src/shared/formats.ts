import { FormatRegistry } from '@sinclair/typebox';
import { isValidNpi } from './npi.ts';
import { isValidTin } from './tin.ts';
import { isIsoDate } from './dates.ts';

// String formats shared by the API (ajv) and the web UI (TypeBox Value.Check), each with the
// message a biller reads beside the field.
export const formats: Record<string, { check: (v: string) => boolean; message: string }> = {
  npi: {
    check: isValidNpi,
    message: 'is not a valid NPI: 10 digits starting 1 or 2 with a Luhn check digit over the 80840 prefix',
  },
  tin: { check: isValidTin, message: 'is not a valid TIN: 9 digits (EIN NN-NNNNNNN or SSN NNN-NN-NNNN)' },
  'iso-date': { check: isIsoDate, message: 'is not a valid date (YYYY-MM-DD)' },
  taxonomy: {
    check: (v) => /^[0-9]{3}[0-9A-Z]{6}X$/.test(v),
    message: 'is not a NUCC taxonomy code (10 characters ending in X)',
  },
  'us-state': { check: (v) => /^[A-Z]{2}$/.test(v), message: 'is not a two-letter state code' },
  zip: { check: (v) => /^\d{5}(\d{4})?$/.test(v), message: 'is not a ZIP code (5 or 9 digits)' },
  phone: { check: (v) => /^\d{10}$/.test(v), message: 'is not a 10-digit phone number' },
  pos: { check: (v) => /^\d{2}$/.test(v), message: 'is not a two-digit Place of Service code' },
  'procedure-code': {
    check: (v) => /^(\d{4}[0-9FTU]|[A-V]\d{4})$/.test(v),
    message: 'is not a CPT (5 digits, or 4 digits and F/T/U) or HCPCS Level II (letter and 4 digits) code',
  },
  'icd10cm-code': {
    check: (v) => /^[A-Z][0-9A-Z][0-9A-Z](\.?[0-9A-Z]{1,4})?$/.test(v),
    message: 'is not an ICD-10-CM code',
  },
  // The ajv-formats "fast" email pattern, so the server and the browser agree on what an address is.
  email: {
    check: (v) =>
      /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(
        v,
      ),
    message: 'is not a valid email address',
  },
  modifier: { check: (v) => /^[0-9A-Z]{2}$/.test(v), message: 'is not a two-character modifier' },
  // UB-04 form locator 4 without its leading zero: facility type, care classification, frequency.
  'type-of-bill': {
    check: (v) => /^[1-8][1-9][0-9A-Z]$/.test(v),
    message: 'is not a type of bill (3 characters: facility type, classification, frequency, e.g. 131)',
  },
  'revenue-code': {
    check: (v) => /^\d{4}$/.test(v),
    message: 'is not a revenue code (4 digits, e.g. 0450)',
  },
  'icd10pcs-code': {
    check: (v) => /^[0-9A-HJ-NP-Z]{7}$/.test(v),
    message: 'is not an ICD-10-PCS code (7 characters, digits and letters other than I and O)',
  },
  // Loop 2410 LIN03: HIPAA's 11-digit 5-4-2 NDC without hyphens (the scrubber's NDC-FORMAT).
  ndc: {
    check: (v) => /^\d{11}$/.test(v),
    message: 'is not an NDC in the 11-digit 5-4-2 form without hyphens (e.g. 00003029305)',
  },
  'nubc-code': {
    check: (v) => /^[0-9A-Z]{2}$/.test(v),
    message: 'is not a two-character UB-04 condition, occurrence or value code',
  },
};

let registered = false;
export function registerTypeboxFormats(): void {
  if (registered) return;
  registered = true;
  for (const [name, f] of Object.entries(formats)) FormatRegistry.Set(name, f.check);
}
registerTypeboxFormats();
