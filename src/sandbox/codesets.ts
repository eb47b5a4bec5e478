// The sandbox's diagnosis edit from the ICD-10-CM files on disk (../shared/codesets or the
// directory given): a code not valid on the date of service, or a header that is not billable,
// rejects the claim at the front end (277CA A7:255), as payers' front-end edits do.
import { detectReleases, loadCodeTables, validateCode } from '../codesets/index.ts';

export async function diagnosisCheck(
  dir?: string,
): Promise<(code: string, date: string) => string | undefined> {
  const releases = (await detectReleases(dir)).filter((r) => r.release.system === 'ICD-10-CM');
  const tables = await loadCodeTables(releases);
  return (code, date) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
    const r = validateCode('ICD-10-CM', code, date, tables);
    if (!r.valid) return `${code} is not a valid ICD-10-CM code on ${date}`;
    if (r.billable === false) return `${code} is a header, not billable`;
    return undefined;
  };
}
