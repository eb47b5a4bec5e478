// Codes the EHR recorded: DG1 diagnoses, PR1 procedures, DFT FT1 charges (with their FT1-19
// diagnoses), ORU OBX results. Shown to the coder beside the note, never billed as they are.
import type { ChartCode } from '../content.ts';
import { hl7Problem, type Hl7Problem } from './problems.ts';
import type { Segment } from './segment.ts';
import { codeSystem } from './values.ts';

const where = (seg: Segment, field: number) => ({ field: `${seg.name}-${field}`, line: seg.number });

/** One CE/CWE repetition as a chart code (code^text^system). */
function coded(
  seg: Segment,
  field: number,
  repetition: number,
  kind: ChartCode['kind'],
  encounterId: string,
): ChartCode | undefined {
  const code = seg.value(field, 1, repetition);
  if (!code) return undefined;
  const display = seg.value(field, 2, repetition);
  const system = codeSystem(
    code,
    seg.value(field, 3, repetition),
    kind === 'diagnosis' ? 'diagnosis' : 'procedure',
  );
  return { encounterId, system, code, ...(display ? { display } : {}), kind, where: where(seg, field) };
}

/** DG1-3 diagnosis code (2.3 senders without DG1-3 code it in DG1-4's text only: not a code). */
export function diagnosisOf(dg1: Segment, encounterId: string): ChartCode | undefined {
  return coded(dg1, 3, 0, 'diagnosis', encounterId);
}

/** PR1-3 procedure code. */
export function procedureOf(pr1: Segment, encounterId: string): ChartCode | undefined {
  return coded(pr1, 3, 0, 'procedure', encounterId);
}

/**
 * FT1: the charge is FT1-25 (procedure code, CPT/HCPCS), else FT1-7 (transaction code); FT1-10
 * units, FT1-26 modifiers; each FT1-19 repetition a diagnosis the charge names.
 */
export function chargeOf(ft1: Segment, encounterId: string, problems: Hl7Problem[]): ChartCode[] {
  const codes: ChartCode[] = [];
  const field = ft1.value(25, 1) ? 25 : 7;
  const charge = coded(ft1, field, 0, 'charge', encounterId);
  if (!charge)
    problems.push(
      hl7Problem(
        'HL7_FIELD_MISSING',
        'FT1-25 (procedure code) is empty, and so is FT1-7 (transaction code)',
        ft1.at(25, 1),
      ),
    );
  else {
    const quantity = ft1.value(10);
    if (quantity && !/^\d+(\.0+)?$/.test(quantity))
      problems.push(
        hl7Problem(
          'HL7_FIELD_INVALID',
          `FT1-10 (quantity) "${quantity}" is not a whole number of units`,
          ft1.at(10),
        ),
      );
    const modifiers = Array.from({ length: ft1.repetitions(26) }, (_, r) => ft1.value(26, 1, r)).filter(
      Boolean,
    );
    codes.push({
      ...charge,
      units: quantity ? Math.trunc(Number(quantity)) : 1,
      ...(modifiers.length ? { modifiers } : {}),
    });
  }
  for (let r = 0; r < ft1.repetitions(19); r++) {
    const dx = coded(ft1, 19, r, 'diagnosis', encounterId);
    if (dx) codes.push(dx);
  }
  return codes;
}

/** ORU OBX: the observation (OBX-3), its value with units and abnormal flag, as the lab sent them. */
export function observationOf(obx: Segment, encounterId: string): ChartCode | undefined {
  const code = obx.value(3, 1);
  if (!code) return undefined;
  const display = obx.value(3, 2);
  const named = obx.value(3, 3).toUpperCase();
  const system = named === 'LN' || named === 'LOINC' ? 'LOINC' : 'other';
  return {
    encounterId,
    system,
    code,
    ...(display ? { display } : {}),
    kind: 'observation',
    value: resultLine(obx).replace(/^.*?: /, ''),
    where: where(obx, 3),
  };
}

/** "Hemoglobin A1c: 8.2 % (ref 4.0-5.6) H" */
export function resultLine(obx: Segment): string {
  const name = obx.value(3, 2) || obx.value(3, 1);
  const value = Array.from({ length: Math.max(1, obx.repetitions(5)) }, (_, r) => obx.raw(5, r)).join(' ');
  const units = obx.value(6, 1);
  const range = obx.value(7);
  const flag = obx.value(8);
  return `${name}: ${value}${units ? ` ${units}` : ''}${range ? ` (ref ${range})` : ''}${flag && flag !== 'N' ? ` ${flag}` : ''}`;
}
