import { RULES, type RuleInfo } from './catalog.ts';

// docs/scrubber-rules.md is rendered from the catalogue so the two cannot drift; rules-doc.test.ts
// fails until the file is regenerated (command in the file's header).
export const REGENERATE =
  'npx tsx -e "import(\'./src/scrubber/rules-doc.ts\').then((m) => m.writeRulesDoc())"';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRulesDoc(rules: Record<string, RuleInfo> = RULES): string {
  const rows = Object.entries(rules).map(
    ([id, r]) => `| \`${id}\` | ${r.severity} | ${cell(r.title)} | ${cell(r.fixHint)} | ${cell(r.source)} |`,
  );
  return [
    '<!-- Generated from src/scrubber/catalog.ts: do not edit. Regenerate with:',
    `     ${REGENERATE} -->`,
    '',
    '# Scrubber rules',
    '',
    'Every rule the scrubber checks a claim against. An **error** blocks submission; a **warning**',
    'needs an override with a reason. Each finding on a claim carries the rule id below as its `code`.',
    '',
    '| id | severity | what it checks | how to fix it | source |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** Rule ids named in a rendered or hand-edited doc: the first cell of each table row. */
export function documentedRuleIds(doc: string): string[] {
  return [...doc.matchAll(/^\| `([A-Z0-9-]+)` \|/gm)].map((m) => m[1]!);
}

export async function writeRulesDoc(): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(new URL('../../docs/scrubber-rules.md', import.meta.url), renderRulesDoc());
}
