// Small readers over FHIR JSON (resources arrive as plain JSON; the validator has checked shapes).
export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
export const arr = (v: unknown): Json[] =>
  Array.isArray(v) ? v.filter((x) => obj(x)).map((x) => x as Json) : [];
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** `2026-11-03T10:00:00-05:00` → `2026-11-03` (the date as the EHR wrote it, no time zone shift). */
export const day = (v: unknown): string | undefined => str(v)?.slice(0, 10);

export const codings = (concept: unknown): Json[] => arr(obj(concept)?.coding);

/** The first identifier whose system or type code matches, else the first identifier. */
export function identifierOf(
  resource: Json,
  match: { system?: string; type?: string } = {},
): string | undefined {
  const ids = arr(resource.identifier);
  const hit =
    ids.find((i) => match.system !== undefined && i.system === match.system) ??
    ids.find((i) => match.type !== undefined && codings(i.type).some((c) => c.code === match.type));
  return str((hit ?? (match.system && !match.type ? undefined : ids[0]))?.value);
}
