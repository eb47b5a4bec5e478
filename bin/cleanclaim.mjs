#!/usr/bin/env -S node --max-semi-space-size=64
// (The flag: a larger young generation, as scripts/start.mjs gives the server; see the README.)
// Runs the compiled JavaScript in dist/ (built by `npm install` through the prepare script, or
// `npm run build:cli`) when it is at least as new as every source; otherwise the TypeScript
// sources through tsx, which compiles them on every start (seconds instead of a fraction of one).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', 'BUILT');

/** True when a source file (tests aside) changed after the build. */
function newerThan(dir, time) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures' && newerThan(path, time)) return true;
    } else if (!entry.name.endsWith('.test.ts') && statSync(path).mtimeMs > time) return true;
  }
  return false;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : undefined;
if (built !== undefined && !newerThan(join(root, 'src'), built)) {
  await import(pathToFileURL(join(root, 'dist', 'cli', 'main.js')).href);
} else {
  process.stderr.write(
    `cleanclaim: ${built === undefined ? 'no compiled build in dist/' : 'the sources changed since the last build'}: running the TypeScript through tsx (slower start; npm run build:cli)\n`,
  );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
