/**
 * `cleanclaim scrub FILE`: scrub the claims of any 837P/837I. A claim whose codes could not be
 * checked, because no release of a code set covers its dates, is never called clean: the answer
 * names the missing code sets and the exit code is 1.
 */
import { readFile } from 'node:fs/promises';
import type { CodeChecker } from '../scrubber/context.ts';
import { scrubClaimFrom837 } from '../scrubber/from-837.ts';
import { scrubClaim, type ScrubResult } from '../scrubber/scrub.ts';
import { parse837 } from '../x12/index.ts';
import type { CommandResult } from '../x12/cli.ts';

export interface ScrubFileOptions {
  json?: boolean;
  /** The date timely filing is counted to. */
  today: string;
  /** Loads the imported code sets (undefined when none is imported); called once the file is read. */
  codes: () => Promise<CodeChecker | undefined>;
}

const NOT_LOADED = 'CODES-NOT-LOADED';
const IMPORT_HINT = 'import them with: cleanclaim codesets import DIR (or cleanclaim codesets download)';

/** The code sets a claim's codes could not be checked against, in the scrubber's words. */
function missingCodeSets(result: ScrubResult): string[] {
  return result.findings.filter((f) => f.code === NOT_LOADED).map((f) => f.message);
}

export async function scrubFileCommand(file: string, options: ScrubFileOptions): Promise<CommandResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return { output: `cannot read ${file}: ${(e as Error).message}\n`, exitCode: 2 };
  }
  const parsed = parse837(bytes);
  if (parsed.claims.length === 0 && parsed.problems.some((p) => p.severity === 'fatal'))
    return {
      output: `${file} is not a readable 837 file: ${parsed.problems[0]!.message}\n`,
      exitCode: 2,
    };
  const codes = await options.codes();
  const institutional = parsed.transactions.some((t) => t.guide === '005010X223A2');
  const views = parsed.claims.map((c) =>
    scrubClaimFrom837(c, institutional ? 'institutional' : 'professional'),
  );
  const claims = views.map((view) => {
    const r = scrubClaim(view, { today: options.today, ...(codes ? { codes } : {}) });
    const unchecked = missingCodeSets(r).length > 0;
    return { ...r, checked: !unchecked, clean: r.clean && !unchecked };
  });
  const dates = views.flatMap((v) => v.lines.map((l) => l.serviceDate)).sort();
  const span = dates.length
    ? ` covering ${dates[0]}${dates.at(-1) !== dates[0] ? ` to ${dates.at(-1)}` : ''}`
    : '';
  const missing = codes
    ? [...new Set(claims.flatMap(missingCodeSets))]
    : [
        `no code set release is imported: these claims need ICD-10-CM and HCPCS${institutional ? ' and ICD-10-PCS' : ''} releases${span}`,
      ];
  const exitCode = claims.every((c) => c.clean) ? 0 : 1;
  if (options.json) {
    const body = { fileProblems: parsed.problems, missingCodeSets: missing, claims };
    return { output: `${JSON.stringify(body, null, 2)}\n`, exitCode };
  }
  const lines: string[] = [];
  if (parsed.problems.length)
    lines.push(`${parsed.problems.length} X12 problem(s): run cleanclaim x12 validate ${file}`);
  for (const c of claims) {
    const label = c.clean
      ? 'clean    '
      : c.checked || c.findings.some((f) => f.severity === 'error')
        ? 'ERRORS   '
        : 'UNCHECKED';
    lines.push(`${label} claim ${c.claimId}: ${c.findings.length} finding(s)`);
    for (const f of c.findings)
      lines.push(`  ${f.severity.padEnd(7)} ${f.code.padEnd(18)} ${f.message}\n          fix: ${f.fixHint}`);
  }
  const clean = claims.filter((c) => c.clean).length;
  const unchecked = claims.filter((c) => !c.checked).length;
  lines.push(`${clean} of ${claims.length} claims clean`);
  if (unchecked) {
    lines.push(
      `${unchecked} claim(s) not called clean because their codes were not checked: missing code sets:`,
      ...missing.map((m) => `  ${m}`),
      IMPORT_HINT,
    );
  }
  return { output: `${lines.join('\n')}\n`, exitCode };
}
