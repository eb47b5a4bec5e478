// Which FHIR version a resource is written in, from the fields only STU3 (3.0) or only R5 (5.0)
// have. JSON FHIR does not name its version, so these markers (and a declared fhirVersion or a
// versioned profile) are how a reader tells; the R4 validator would otherwise report them as
// unknown fields, which says less.

type Json = Record<string, unknown>;

interface Marker {
  version: 'STU3' | 'R5';
  type: string;
  field: string;
  test?: (value: unknown) => boolean;
}

const isString = (v: unknown) => typeof v === 'string';
const MARKERS: Marker[] = [
  { version: 'STU3', type: 'DocumentReference', field: 'indexed' },
  { version: 'STU3', type: 'DocumentReference', field: 'class' },
  { version: 'STU3', type: 'Condition', field: 'clinicalStatus', test: isString },
  { version: 'STU3', type: 'Condition', field: 'verificationStatus', test: isString },
  { version: 'STU3', type: 'Condition', field: 'assertedDate' },
  { version: 'STU3', type: 'Coverage', field: 'grouping' },
  { version: 'STU3', type: 'Coverage', field: 'sequence' },
  { version: 'STU3', type: 'Patient', field: 'animal' },
  { version: 'STU3', type: 'Procedure', field: 'notDone' },
  { version: 'STU3', type: 'Observation', field: 'comment' },
  { version: 'R5', type: 'Encounter', field: 'class', test: Array.isArray },
  { version: 'R5', type: 'Encounter', field: 'actualPeriod' },
  { version: 'R5', type: 'Encounter', field: 'virtualService' },
  { version: 'R5', type: 'DocumentReference', field: 'context', test: Array.isArray },
  { version: 'R5', type: 'DocumentReference', field: 'attester' },
  { version: 'R5', type: 'Coverage', field: 'kind' },
  { version: 'R5', type: 'Coverage', field: 'insurer' },
  { version: 'R5', type: 'Condition', field: 'participant' },
  { version: 'R5', type: 'Bundle', field: 'issues' },
];

export interface VersionFound {
  version: string;
  /** The field that says so, e.g. `DocumentReference.indexed`. */
  field: string;
}

/** A declared version (`application/fhir+json; fhirVersion=3.0`) other than 4.0 / 4.0.1. */
export function declaredVersion(fhirVersion: string | undefined): VersionFound | undefined {
  if (!fhirVersion || /^4\.0(\.\d+)?$/.test(fhirVersion.trim())) return undefined;
  const v = fhirVersion.trim();
  return { version: v.startsWith('3') ? 'STU3' : v.startsWith('5') ? 'R5' : v, field: 'fhirVersion' };
}

/** The first STU3 or R5 marker in a resource, if any. */
export function otherVersionOf(resource: Json): VersionFound | undefined {
  const type = resource.resourceType;
  for (const m of MARKERS)
    if (m.type === type && resource[m.field] !== undefined && (m.test?.(resource[m.field]) ?? true))
      return { version: m.version, field: `${m.type}.${m.field}` };
  const profiles = (resource.meta as Json | undefined)?.profile;
  if (Array.isArray(profiles))
    for (const p of profiles) {
      const m = typeof p === 'string' ? (/\|([35])\.\d/.exec(p) ?? /\/(STU3|R5)\//.exec(p)) : null;
      if (m) return { version: m[1] === '3' || m[1] === 'STU3' ? 'STU3' : 'R5', field: 'meta.profile' };
    }
  return undefined;
}
