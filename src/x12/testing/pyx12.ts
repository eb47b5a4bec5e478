// Tests only: pyx12 (../shared/tools/pyx12-check) on X212 files. pyx12 carries a broken X212 277 map
// its maps.xml does not list, and no 5010 276 map at all; registered in a copy of its map folder
// (the 277's own, the 4010 X093 276's for the 276), they fail even the TR3's own examples, so what a
// test asks is that ours fails in no way the TR3 example does not.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOOL = join(process.cwd(), '../shared/tools/pyx12-check');
const MAPS = join(process.cwd(), '../shared/tools/pyx12/pyx12/map');

/** A map folder under `dir` with pyx12's maps and X212 276/277 registered; answers its path. */
export function x212MapFolder(dir: string): string {
  const maps = join(dir, 'pyx12-maps');
  mkdirSync(maps, { recursive: true });
  for (const f of readdirSync(MAPS)) if (f !== 'maps.xml') symlinkSync(join(MAPS, f), join(maps, f));
  const index = readFileSync(join(MAPS, 'maps.xml'), 'utf8').replace(
    '</version>\n</maps>',
    [
      '  <map vriic="005010X212" fic="HN" abbr="277">277.5010.X212.xml</map>',
      '  <map vriic="005010X212" fic="HR" abbr="276">276.4010.X093.A1.xml</map>',
      '  </version>\n</maps>',
    ].join('\n'),
  );
  writeFileSync(join(maps, 'maps.xml'), index);
  return maps;
}

/** pyx12-check's whole line for a file (OK, FAIL or NOMAP first). */
export function pyx12Check(file: string, maps?: string): string {
  try {
    return execFileSync(TOOL, ['-n', '0', ...(maps ? ['-m', maps] : []), file], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '');
  }
}

/** The kinds of error pyx12 finds in a file: its messages without line numbers, values and loop paths. */
export function pyx12ErrorKinds(file: string, maps: string): { verdict: string; kinds: Set<string> } {
  const out = pyx12Check(file, maps);
  const verdict = out.split(' ')[0] ?? '';
  const errors = verdict === 'FAIL' ? out.replace(/^[^:]*: /, '').split(' | ') : [];
  return {
    verdict,
    kinds: new Set(
      errors.map((x) =>
        x
          .replace(/Line:\d+ /, '')
          .replace(/\*[^ ]*|Started at .*|\(\+\d+ more\)/g, '')
          .trim(),
      ),
    ),
  };
}
