// Imports across domain boundaries that existed when the domain-boundaries lint rule was switched
// on (issue 11), as importer → targets. Nothing may be added: each entry goes when its import is
// replaced by a function the owning domain exports (the rule reports an entry no longer needed).
// Kinds: a domain → another domain's tables/store; a domain → the wiring (src/server, src/cli);
// the toolkit (src/db, src/shared) → a domain or the wiring.
export const DOMAIN_BASELINE = {
  'src/demo/seed.ts': [
    'src/auth/tables.ts',
    'src/claims/batch-tables.ts',
    'src/encounters/tables.ts',
    'src/patients/tables.ts',
    'src/payers/tables.ts',
    'src/practices/tables.ts',
  ],
};
