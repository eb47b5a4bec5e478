import { DIAGNOSIS_LETTERS, SERVICE_LINE_FIELDS, type ServiceLineKey } from './layout.ts';
import { dateParts, splitCents, upper } from './format.ts';
import { cms1500Problem, type Cms1500Problem } from './problems.ts';
import type { Cms1500Input, Cms1500ServiceLine } from './types.ts';

export type ServiceLineValues = Partial<Record<ServiceLineKey, string>>;

/** Item 24 A-J for one service line (NUCC 02/12 items 24A-24J). */
export function serviceLineValues(
  input: Cms1500Input,
  line: Cms1500ServiceLine,
  lineNumber: number,
  problems: Cms1500Problem[],
): ServiceLineValues {
  const from = dateParts(line.serviceDate);
  // 24A: a single date of service may be re-entered in "To" (NUCC), which Medicare requires.
  const to = dateParts(line.serviceDateTo ?? line.serviceDate);
  const money = splitCents(line.chargeCents);
  const v: ServiceLineValues = {
    '24A.fromMm': from.mm,
    '24A.fromDd': from.dd,
    '24A.fromYy': from.yy,
    '24A.toMm': to.mm,
    '24A.toDd': to.dd,
    '24A.toYy': to.yy,
    '24B': line.placeOfService ?? input.claim.placeOfService,
    '24D.code': upper(line.procedureCode),
    '24E': pointerLetters(line, input.claim.diagnoses.length, lineNumber, problems),
    '24F.dollars': money.dollars,
    '24F.cents': money.cents,
    '24G': String(line.units),
  };
  const mods = ['24D.mod1', '24D.mod2', '24D.mod3', '24D.mod4'] as const;
  line.modifiers.slice(0, 4).forEach((m, i) => (v[mods[i]!] = upper(m)));
  const npi = line.renderingNpi ?? input.renderingProvider?.npi;
  if (npi) v['24J'] = npi;
  for (const [key, text] of Object.entries(v) as [ServiceLineKey, string][]) {
    const f = SERVICE_LINE_FIELDS[key];
    if (text.length > f.maxChars) {
      problems.push(
        cms1500Problem(
          'FIELD_TRUNCATED',
          f.box,
          `${f.name} "${text}" is over ${f.maxChars} characters.`,
          lineNumber,
        ),
      );
    }
  }
  return v;
}

/** 24E: up to four letters A-L, left justified, no commas or spaces (NUCC 02/12 item 24E). */
function pointerLetters(
  line: Cms1500ServiceLine,
  diagnosisCount: number,
  lineNumber: number,
  problems: Cms1500Problem[],
): string {
  let letters = '';
  for (const p of line.diagnosisPointers.slice(0, 4)) {
    const letter = DIAGNOSIS_LETTERS[p - 1];
    if (!letter || p > diagnosisCount) {
      problems.push(
        cms1500Problem(
          'POINTER_OUT_OF_RANGE',
          '24E',
          `Pointer ${p} has no diagnosis in item 21.`,
          lineNumber,
        ),
      );
      continue;
    }
    letters += letter;
  }
  return letters;
}
