import { RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin, { violation } from './domain-boundaries.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester();
const rule = plugin.rules['domain-boundaries'];
const file = (p) => `${process.cwd()}/${p}`;

describe('domain boundaries', () => {
  it('names what crosses a boundary and lets the rest through', () => {
    expect(violation('src/claims/routes.ts', 'src/patients/tables.ts')).toMatch(/src\/patients's storage/);
    expect(violation('src/claims/routes.ts', 'src/audit/store.ts')).toMatch(/storage/);
    expect(violation('src/cli/admin.ts', 'src/scrubber/ncci-store.ts')).toMatch(/storage/);
    expect(violation('src/shared/checks.ts', 'src/server/problem.ts')).toMatch(/toolkit/);
    expect(violation('src/db/schema.ts', 'src/claims/tables.ts')).toMatch(/toolkit/);
    expect(violation('src/payers/routes.ts', 'src/server/app.ts')).toMatch(/wiring/);
    // a foreign key names the referenced table; the schema index gathers every table
    expect(violation('src/claims/tables.ts', 'src/patients/tables.ts')).toBeUndefined();
    expect(violation('src/app/schema.ts', 'src/claims/batch-tables.ts')).toBeUndefined();
    expect(violation('src/claims/routes.ts', 'src/claims/store.ts')).toBeUndefined();
    expect(violation('src/claims/routes.ts', 'src/shared/money.ts')).toBeUndefined();
    expect(violation('src/server/app.ts', 'src/claims/routes.ts')).toBeUndefined();
    expect(violation('src/payers/payers.db.test.ts', 'src/server/testing.ts')).toBeUndefined();
    expect(violation('src/db/roles.db.test.ts', 'src/server/app.ts')).toBeUndefined();
    expect(violation('src/db/roles.db.test.ts', 'src/demo/seed.ts')).toMatch(/toolkit/);
    expect(violation('src/db/roles.db.test.ts', 'src/demo/index.ts')).toBeUndefined();
    expect(violation('src/db/roles.ts', 'src/demo/index.ts')).toMatch(/toolkit/);
    expect(violation('src/payers/routes.ts', 'src/server/testing.ts')).toMatch(/wiring/);
    // a folder added later is a domain too
    expect(violation('src/ledger/post.ts', 'src/claims/store.ts')).toMatch(/storage/);
    expect(violation('src/claims/post.ts', 'src/ledger/tables.ts')).toMatch(/storage/);
    // domains throw ProblemError; only the HTTP edge knows statuses
    expect(violation('src/claims/routes.ts', 'src/http/problem.ts')).toMatch(/ProblemError/);
    expect(violation('src/shared/x.ts', 'src/http/problem.ts')).toMatch(/ProblemError/);
    expect(violation('src/claims/routes.ts', 'src/shared/problem.ts')).toBeUndefined();
    expect(violation('src/http/errors.ts', 'src/http/problem.ts')).toBeUndefined();
    expect(violation('src/server/app.ts', 'src/http/problem.ts')).toBeUndefined();
    // the toolkit's own layers: src/http → src/db → src/shared
    expect(violation('src/shared/money.ts', 'src/db/connection.ts')).toMatch(/imports nothing/);
    expect(violation('src/db/backup.ts', 'src/http/csv.ts')).toMatch(/src\/shared/);
    expect(violation('src/http/resource.ts', 'src/db/connection.ts')).toBeUndefined();
    expect(violation('src/db/backup.ts', 'src/shared/dates.ts')).toBeUndefined();
  });

  tester.run('domain-boundaries', rule, {
    valid: [
      { code: "import { x } from '../shared/money.ts';", filename: file('src/claims/a.ts') },
      { code: "import { patientById } from '../patients/index.ts';", filename: file('src/claims/a.ts') },
      { code: "import { seedDemo } from '../demo/index.ts';", filename: file('src/db/a.db.test.ts') },
    ],
    invalid: [
      {
        code: "import { patient } from '../patients/tables.ts';",
        filename: file('src/claims/a.ts'),
        errors: [{ message: /use a function src\/patients exports/ }],
      },
      {
        code: "const m = await import('../../audit/store.ts');",
        filename: file('src/codesets/storage/a.ts'),
        errors: 1,
      },
      {
        code: "import { notFound } from '../http/problem.ts';",
        filename: file('src/ledger/a.ts'),
        errors: [{ message: /throw a ProblemError from src\/shared\/problem.ts/ }],
      },
    ],
  });
});
