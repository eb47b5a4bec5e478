// ESLint rule: domains reach each other only through exported functions (issue 11).
//  - a domain never imports another domain's storage (tables.ts, store.ts, batch-tables.ts,
//    *-store.ts); only a tables file may name another domain's tables, for a foreign key
//    (drizzle's `.references()` needs the column), and the schema index gathers them all;
//  - the toolkit (src/db, src/shared, src/http) imports no domain and no wiring (its tests may run
//    domains through their index.ts);
//  - a domain imports no wiring (src/server, src/cli, src/app), except that tests may start the
//    whole app through src/server;
//  - only src/http and the wiring import src/http/problem.ts (the code → HTTP status map): domains
//    throw ProblemError from src/shared/problem.ts and never name a status;
// The baseline of imports that existed when the rule was switched on is gone: none is allowed.
import path from 'node:path';

export const TOOLKIT = ['db', 'shared', 'http'];
export const WIRING = ['server', 'cli', 'app'];
const TOOLKIT_MAY = { shared: [], db: ['shared'], http: ['shared', 'db'] };
/** Every other folder under src/ is a domain (claims, ledger, remits …), new ones included. */
const isDomain = (folder) => !TOOLKIT.includes(folder) && !WIRING.includes(folder);
const SCHEMA_INDEX = 'src/app/schema.ts';
// The code → HTTP status map: domains throw ProblemError (src/shared/problem.ts) and never see it.
const STATUS_MAP = 'src/http/problem.ts';

const top = (file) => (file.startsWith('src/') ? file.split('/')[1] : undefined);
const base = (file) => path.posix.basename(file).replace(/\.(ts|tsx|js|mjs)$/, '');
const isStorage = (file) => /(^|-)(tables|store)$/.test(base(file));
const isTables = (file) => /(^|-)tables$/.test(base(file));
const isTest = (file) => /\.test\.[a-z]+$/.test(file);

/** Why importing `target` from `importer` crosses a boundary, or undefined. Paths are repo-relative. */
export function violation(importer, target) {
  const from = top(importer);
  const to = top(target);
  if (!from || !to || from === to) return undefined;
  const toDomain = isDomain(to);
  if (target === STATUS_MAP && !WIRING.includes(from))
    return `${target} maps problem codes to HTTP statuses for src/http alone: throw a ProblemError from src/shared/problem.ts`;
  // tests may start the whole app through the wiring (harness, app, jobs, config): no production
  // code depends on a test, so this makes no cycle
  if (to === 'server' && isTest(importer)) return undefined;
  // the toolkit's integration tests (src/db's) may run domains, through their index.ts like anyone
  if (TOOLKIT.includes(from) && toDomain && isTest(importer) && base(target) === 'index') return undefined;
  // within the toolkit: src/shared imports nothing, src/db only src/shared, src/http both
  if (TOOLKIT.includes(from) && TOOLKIT.includes(to) && !TOOLKIT_MAY[from].includes(to))
    return `src/${from} imports ${TOOLKIT_MAY[from].length ? TOOLKIT_MAY[from].map((t) => `src/${t}`).join(', ') : 'nothing'} of the toolkit (${target})`;
  if (TOOLKIT.includes(from) && (toDomain || WIRING.includes(to)))
    return `src/${from} is toolkit and imports no domain or wiring (${target})`;
  if (isDomain(from) && WIRING.includes(to))
    return `a domain imports the toolkit, not the wiring (${target}); the wiring imports the domains`;
  if (toDomain && isStorage(target)) {
    if (isTables(target) && (isTables(importer) || importer === SCHEMA_INDEX)) return undefined;
    return `${target} is src/${to}'s storage: use a function src/${to} exports`;
  }
  return undefined;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'domains reach each other only through exported functions' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const importer = path.relative(root, context.filename).split(path.sep).join('/');
    if (!importer.startsWith('src/')) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(importer), source));
      const why = violation(importer, target);
      if (!why) return;
      context.report({ node, message: `Domain boundary: ${why}.` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'domain-boundaries': rule } };
