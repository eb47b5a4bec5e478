#!/usr/bin/env node
// Compiles src/**/*.ts (tests left out) to dist/ file by file, mirroring the folders, so that
// `cleanclaim` starts without compiling TypeScript on every call. One output per source keeps
// every `import.meta.url` path (package.json, web/dist, the migrations) at the same depth it has
// in src/, and keeps `await import()` lazy. Runs as `prepare` (npm install / npm ci).
import { cpSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const out = join(root, 'dist');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Relative imports stay imports of the sibling output file: `./x.ts` becomes `./x.js`. */
const keepRelativeImports = {
  name: 'keep-relative-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: args.path.replace(/\.ts$/, '.js'), external: true },
    );
  },
};

const started = Date.now();
// Build beside dist/ and swap it in whole, so a running `cleanclaim` never sees half a build.
const staging = `${out}.building-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
const entryPoints = sources(src);
await build({
  entryPoints,
  outdir: staging,
  outbase: src,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [keepRelativeImports],
});
cpSync(join(src, 'db', 'migrations'), join(staging, 'db', 'migrations'), { recursive: true });
// The payer sandbox's default scenario (read beside its module) and the schema it names.
for (const file of ['default-scenario.json', 'scenario.schema.json'])
  cpSync(join(src, 'sandbox', file), join(staging, 'sandbox', file));
// bin/cleanclaim.mjs compares this stamp with the sources' times to tell a stale build.
writeFileSync(join(staging, 'BUILT'), `${new Date().toISOString()}\n`);
rmSync(out, { recursive: true, force: true });
renameSync(staging, out);
console.log(
  `cleanclaim: compiled ${entryPoints.length} files to ${relative(process.cwd(), out) || '.'}/ in ${Date.now() - started} ms`,
);
