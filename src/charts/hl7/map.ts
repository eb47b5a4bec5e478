// An HL7 v2 message read into chart content: ADT A01/A04/A08 registration, DFT P03 charges,
// MDM T02 documents, ORU R01 results. Pure: the import (src/charts/import.ts) writes it.
import type { ChartCode, ChartContent, ChartDocument, ChartPractitioner, ChartType } from '../content.ts';
import { chargeOf, diagnosisOf, observationOf, procedureOf } from './codes.ts';
import { mdmDocumentOf, resultDocumentOf } from './documents.ts';
import { hl7Problem, type Hl7Problem } from './problems.ts';
import type { Hl7Read } from './read.ts';
import type { Segment } from './segment.ts';
import { hl7Date, practitionerAt } from './values.ts';
import { coverageOf, encounterOf, patientOf, visitNumberOf } from './visit.ts';

export const HL7_MESSAGES = ['ADT^A01', 'ADT^A04', 'ADT^A08', 'DFT^P03', 'MDM^T02', 'ORU^R01'] as const;

export interface Hl7Chart {
  content?: ChartContent;
  problems: Hl7Problem[];
}

/** The segments of one name, and those following a given one up to the next of `stop`. */
const named = (segments: Segment[], name: string) => segments.filter((s) => s.name === name);
function following(segments: Segment[], from: Segment, stop: string[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments.slice(from.number)) {
    if (stop.includes(s.name)) break;
    if (s.name === 'OBX') out.push(s);
  }
  return out;
}

/** Providers in XCN fields, each NPI once. */
function practitionersAt(
  places: [Segment | undefined, number][],
  problems: Hl7Problem[],
): ChartPractitioner[] {
  const found = new Map<string, ChartPractitioner>();
  for (const [seg, field] of places) {
    const p = seg && practitionerAt(seg, field, problems);
    if (p && !found.has(p.npi)) found.set(p.npi, p);
  }
  return [...found.values()];
}

const isEm = (c: ChartCode) => c.kind === 'charge' && /^99(2[0-9]{2}|[34][0-9]{2})$/.test(c.code);

export function hl7ToChartContent(read: Hl7Read): Hl7Chart {
  const problems = [...read.problems];
  const { header, segments } = read;
  if (!header || problems.some((p) => p.severity === 'fatal')) return { problems };
  const kind = `${header.type}^${header.event}`;
  const name = `${header.type} ${header.event}`;
  const msh = segments[0]!;
  if (!(HL7_MESSAGES as readonly string[]).includes(kind)) {
    problems.push(
      hl7Problem(
        'HL7_MESSAGE_UNSUPPORTED',
        `${name} is not read: send ADT A01/A04/A08, DFT P03, MDM T02 or ORU R01`,
        msh.at(9),
      ),
    );
    return { problems };
  }
  const need = (segment: string) => {
    const seg = segments.find((s) => s.name === segment);
    if (!seg)
      problems.push(
        hl7Problem(
          'HL7_SEGMENT_MISSING',
          `${name} has no ${segment} segment (the message may be cut short)`,
          {
            segmentId: segment,
            line: segments.length + 1,
          },
        ),
      );
    return seg;
  };
  const pid = need('PID');
  const pv1 =
    header.type === 'ADT' || header.type === 'DFT' ? need('PV1') : segments.find((s) => s.name === 'PV1');
  const txa = header.type === 'MDM' ? need('TXA') : undefined;
  const obr = header.type === 'ORU' ? need('OBR') : undefined;
  const ft1s = named(segments, 'FT1');
  if (header.type === 'DFT' && ft1s.length === 0) need('FT1');
  if ((header.type === 'MDM' || header.type === 'ORU') && named(segments, 'OBX').length === 0) need('OBX');
  if (!pid || problems.some((p) => p.code === 'HL7_SEGMENT_MISSING')) return { problems };

  const encounterId = visitNumberOf(pid, pv1);
  const codes: ChartCode[] = [];
  const documents: ChartDocument[] = [];
  for (const dg1 of named(segments, 'DG1'))
    codes.push(...[diagnosisOf(dg1, encounterId)].filter((c) => c !== undefined));
  for (const pr1 of named(segments, 'PR1'))
    codes.push(...[procedureOf(pr1, encounterId)].filter((c) => c !== undefined));
  for (const ft1 of ft1s) codes.push(...chargeOf(ft1, encounterId, problems));
  if (txa) {
    const doc = mdmDocumentOf(
      txa,
      following(segments, txa, ['TXA']),
      encounterId,
      header.controlId,
      problems,
    );
    if (doc) documents.push(doc);
  }
  for (const o of named(segments, 'OBR')) {
    const results = following(segments, o, ['OBR', 'ORC', 'PID']);
    documents.push(resultDocumentOf(o, results, encounterId, header.controlId));
    for (const obx of results) {
      const c = observationOf(obx, encounterId);
      if (c) codes.push(c);
    }
  }

  // The visit's date when PV1-44 is silent: the charge's, the note's, the result's, the event's.
  const fallbackDate = [
    ft1s[0]?.value(4),
    txa?.value(4),
    obr?.value(7),
    named(segments, 'EVN')[0]?.value(2),
    msh.value(7),
  ]
    .map((v) => hl7Date((v ?? '').slice(0, 8)))
    .find((d) => d !== undefined);
  const charges = codes.filter((c) => c.kind === 'charge');
  const chartType: ChartType | undefined = documents.some((d) => d.kind === 'operative-report')
    ? 'surgery'
    : charges.length > 0 && !charges.some(isEm)
      ? 'procedure'
      : undefined;
  const patient = patientOf(pid, problems);
  const encounter = encounterOf(pid, pv1, { fallbackDate, chartType }, problems);
  const coverages = named(segments, 'IN1')
    .map((in1, i) => coverageOf(in1, i + 1, patient?.mrn ?? '', problems))
    .filter((c) => c !== undefined);
  const practitioners = practitionersAt(
    [
      [pv1, 7],
      [pv1, 8],
      [pv1, 17],
      ...ft1s.flatMap((f): [Segment, number][] => [
        [f, 20],
        [f, 21],
      ]),
      [txa, 5],
      [obr, 16],
    ],
    problems,
  );
  if (problems.some((p) => p.severity === 'error' || p.severity === 'fatal') || !patient || !encounter)
    return { problems };
  const stamp = (where: { resource?: string }) => ({
    ...where,
    resource: where.resource ?? header.controlId,
  });
  return {
    problems,
    content: {
      format: 'hl7v2',
      sourceId: header.controlId,
      patients: [{ ...patient, where: stamp(patient.where) }],
      practitioners: practitioners.map((p) => ({ ...p, where: stamp(p.where) })),
      coverages: coverages.map((c) => ({ ...c, where: stamp(c.where) })),
      encounters: [{ ...encounter, where: stamp(encounter.where) }],
      documents,
      codes: codes.map((c) => ({ ...c, where: stamp(c.where) })),
    },
  };
}
