// A FHIR R4 Bundle (transaction, batch, collection, document, message, searchset) or a single
// resource → ChartContent, with every problem found: not JSON or cut short, STU3/R5, not valid R4,
// references that point nowhere in the message. Reading does no I/O but a PDF's text extraction.
import type { ChartContent, SourcePlace } from '../content.ts';
import { chartProblem, type ChartProblem } from '../problems.ts';
import { arr, obj, str, type Json } from './json.ts';
import {
  codesOf,
  coverageOf,
  encounterOf,
  mrnOf,
  npiOf,
  patientOf,
  practitionerOf,
  visitNumberOf,
  type Resolver,
} from './map.ts';
import { documentOf } from './notes.ts';
import { validateR4 } from './validate.ts';
import { declaredVersion, otherVersionOf } from './version.ts';

export interface FhirEntry {
  resourceType: string;
  id?: string;
  fullUrl?: string;
  where: string;
}

export interface FhirRead {
  content: ChartContent;
  problems: ChartProblem[];
  /** Bundle.type, or undefined for a single resource. */
  bundleType?: string;
  entries: FhirEntry[];
}

const READ = new Set([
  'Patient',
  'Practitioner',
  'Organization',
  'Coverage',
  'Encounter',
  'Condition',
  'Procedure',
  'Observation',
  'DocumentReference',
  'DiagnosticReport',
]);
/** Read for what they name (PractitionerRole's practitioner), else skipped quietly. */
const QUIET = new Set(['PractitionerRole', 'Location', 'OperationOutcome', 'Provenance']);

export async function readFhirChart(
  input: string | unknown,
  options: { sourceName?: string; fhirVersion?: string } = {},
): Promise<FhirRead> {
  const problems: ChartProblem[] = [];
  const empty = (sourceId: string): FhirRead => ({
    content: {
      format: 'fhir',
      sourceId,
      patients: [],
      practitioners: [],
      coverages: [],
      encounters: [],
      documents: [],
      codes: [],
    },
    problems,
    entries: [],
  });
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (err) {
      problems.push(
        chartProblem('CHART_UNREADABLE', `not JSON, or cut short: ${(err as Error).message}`, {
          resource: options.sourceName,
        }),
      );
      return empty(options.sourceName ?? 'fhir');
    }
  }
  const root = obj(json);
  if (!root || typeof root.resourceType !== 'string') {
    problems.push(
      chartProblem('CHART_UNREADABLE', 'no FHIR resourceType at the top', { resource: options.sourceName }),
    );
    return empty(options.sourceName ?? 'fhir');
  }
  const declared = declaredVersion(options.fhirVersion);
  if (declared) {
    problems.push(versionProblem(declared.version, declared.field, options.sourceName ?? 'content'));
    return empty(options.sourceName ?? 'fhir');
  }

  const isBundle = root.resourceType === 'Bundle';
  const sourceId = str(root.id) ?? str(obj(root.identifier)?.value) ?? options.sourceName ?? 'fhir';
  const entries: FhirEntry[] = [];
  const resources: { resource: Json; where: string; fullUrl?: string }[] = [];
  if (isBundle) {
    for (const [i, e] of arr(root.entry).entries()) {
      const resource = obj(e.resource);
      const where =
        resource && str(resource.id)
          ? `${String(resource.resourceType)}/${str(resource.id)}`
          : `Bundle.entry[${i}]`;
      if (!resource) {
        problems.push(
          chartProblem('CHART_FHIR_INVALID', 'the entry has no resource', { resource: `Bundle.entry[${i}]` }),
        );
        continue;
      }
      resources.push({ resource, where, fullUrl: str(e.fullUrl) });
    }
  } else
    resources.push({
      resource: root,
      where: str(root.id) ? `${root.resourceType}/${str(root.id)}` : root.resourceType,
    });

  // Another version first: its fields would only read as "not R4" field by field.
  for (const r of [{ resource: root, where: isBundle ? 'Bundle' : resources[0]!.where }, ...resources]) {
    const other = otherVersionOf(r.resource);
    if (other) {
      problems.push(versionProblem(other.version, other.field, r.where));
      return empty(sourceId);
    }
  }
  for (const r of resources) {
    entries.push({
      resourceType: String(r.resource.resourceType),
      ...(str(r.resource.id) ? { id: str(r.resource.id) } : {}),
      ...(r.fullUrl ? { fullUrl: r.fullUrl } : {}),
      where: r.where,
    });
    problems.push(...validateR4(r.resource, r.where));
  }
  if (isBundle) {
    const bundleOnly = { ...root, entry: undefined };
    problems.push(...validateR4(bundleOnly, 'Bundle').filter((p) => p.field !== 'Bundle.entry'));
  }

  const content = empty(sourceId).content;
  const resolver = makeResolver(resources, problems);
  for (const { resource, where: at } of resources) {
    const type = String(resource.resourceType);
    const where: SourcePlace = { resource: at };
    if (type === 'Patient') content.patients.push(patientOf(resource, where));
    else if (type === 'Practitioner') content.practitioners.push(practitionerOf(resource, where));
    else if (type === 'Coverage') content.coverages.push(coverageOf(resource, where, resolver));
    else if (type === 'Encounter') content.encounters.push(encounterOf(resource, where, resolver));
    else if (type === 'Condition' || type === 'Procedure' || type === 'Observation') {
      const encounterId = resolver.encounterId(resource.encounter, { ...where, field: `${type}.encounter` });
      if (!encounterId) {
        problems.push(
          chartProblem(
            'CHART_MISSING_FIELD',
            `the ${type} names no encounter; it is not imported`,
            where,
            'warning',
          ),
        );
        continue;
      }
      const kind = type === 'Condition' ? 'diagnosis' : type === 'Procedure' ? 'procedure' : 'observation';
      content.codes.push(...codesOf(resource, kind, encounterId, where));
    } else if (type === 'DocumentReference' || type === 'DiagnosticReport') {
      const ref =
        type === 'DocumentReference' ? arr(obj(resource.context)?.encounter)[0] : resource.encounter;
      const encounterId = resolver.encounterId(ref, { ...where, field: `${type}.encounter` });
      if (!encounterId) {
        problems.push(chartProblem('CHART_MISSING_FIELD', `the ${type} names no encounter`, where));
        continue;
      }
      const authorRef = type === 'DocumentReference' ? arr(resource.author)[0] : arr(resource.performer)[0];
      const authorNpi = authorRef
        ? resolver.practitionerNpi(authorRef, { ...where, field: `${type}.author` })
        : undefined;
      const doc = await documentOf(resource, encounterId, authorNpi, where, problems);
      if (doc) content.documents.push(doc);
      if (type === 'DiagnosticReport')
        content.codes.push(...codesOf(resource, 'observation', encounterId, where));
    } else if (!READ.has(type) && !QUIET.has(type))
      problems.push(
        chartProblem('CHART_FHIR_UNSUPPORTED', `${type} is not read by the chart import`, where, 'warning'),
      );
  }
  return { content, problems, ...(isBundle ? { bundleType: str(root.type) } : {}), entries };
}

function versionProblem(version: string, field: string, where: string): ChartProblem {
  return chartProblem(
    'CHART_FHIR_VERSION',
    `this is FHIR ${version} content (${field}); cleanclaim reads FHIR R4 only: ask the EHR for its R4 endpoint`,
    { resource: where, field },
  );
}

/**
 * References resolve to a resource in the message by fullUrl (urn:uuid:…) or `Type/id`; a logical
 * reference (Reference.identifier) gives the MRN, NPI or visit number itself. A `Type/id` not in
 * the message passes on as an id the merge looks up on file; a urn:uuid not in the message can
 * never resolve and is reported here.
 */
function makeResolver(resources: { resource: Json; fullUrl?: string }[], problems: ChartProblem[]): Resolver {
  const byKey = new Map<string, Json>();
  for (const { resource, fullUrl } of resources) {
    if (fullUrl) byKey.set(fullUrl, resource);
    if (str(resource.id)) {
      byKey.set(`${String(resource.resourceType)}/${str(resource.id)}`, resource);
      if (fullUrl && !fullUrl.startsWith('urn:')) byKey.set(fullUrl.replace(/\/_history\/.*$/, ''), resource);
    }
  }
  const resolve: Resolver['resolve'] = (ref, type, where) => {
    const r = obj(ref);
    const reference = str(r?.reference);
    const logical = str(obj(r?.identifier)?.value);
    if (!reference) return logical ? { id: logical } : {};
    const hit = byKey.get(reference) ?? byKey.get(reference.replace(/^.*\/(\w+\/[^/]+)$/, '$1'));
    if (hit) {
      if (hit.resourceType !== type && !(type === 'Practitioner' && hit.resourceType === 'PractitionerRole'))
        problems.push(
          chartProblem(
            'CHART_DANGLING_REFERENCE',
            `${reference} is a ${String(hit.resourceType)}, not a ${type}`,
            where,
          ),
        );
      return { resource: hit };
    }
    const m = /(?:^|\/)(\w+)\/([^/]+)$/.exec(reference);
    if (!reference.startsWith('urn:') && m && m[1] === type) return { id: logical ?? m[2] };
    problems.push(
      chartProblem('CHART_DANGLING_REFERENCE', `${reference} points to nothing in the message`, where),
    );
    return {};
  };
  const via = (ref: unknown, type: string, where: SourcePlace, key: (r: Json) => string) => {
    const { resource, id } = resolve(ref, type, where);
    if (resource?.resourceType === 'PractitionerRole')
      return via(resource.practitioner, 'Practitioner', where, key);
    return resource ? key(resource) : id;
  };
  return {
    resolve,
    patientMrn: (ref, where) => via(ref, 'Patient', where, mrnOf),
    practitionerNpi: (ref, where) => via(ref, 'Practitioner', where, npiOf),
    encounterId: (ref, where) => via(ref, 'Encounter', where, visitNumberOf),
  };
}
