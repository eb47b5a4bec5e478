import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client } from './testing.ts';

// Issue 10: no PHI or secrets in the logs. Database errors are logged without parameter values,
// and query strings (search terms) are not written to the request log.
describe('the server log holds no PHI', () => {
  const lines: string[] = [];
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  const MARKER = 'Zqxmarker';

  beforeAll(async () => {
    t = await startTestApp({ logStream: { write: (line: string) => void lines.push(line) } });
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    biller = await t.login('biller@example.org');
    // A rule the application does not know about: the insert fails inside the database, the way
    // an unexpected constraint would, and PostgreSQL reports the failing row's values.
    await t.database.sql.executeSql(
      `alter table patient add constraint no_test_marker check (position('${MARKER}' in last_name) = 0)`,
    );
  });
  afterAll(() => t.close());

  const patient = (lastName: string) => ({
    practiceId: t.practiceA,
    accountNumber: `${MARKER}-ACCT`,
    firstName: `${MARKER}First`,
    lastName,
    dateOfBirth: '1980-01-01',
    sex: 'F',
    address1: `1 ${MARKER} Street`,
    city: 'Springfield',
    state: 'IL',
    zip: '62701',
  });

  it('logs a failing insert with its SQL state and constraint but none of the values', async () => {
    const res = await biller.post('/api/patients', patient(`${MARKER}Last`));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(MARKER);
    const log = lines.join('');
    expect(log).toContain('unexpected error');
    expect(log).toContain('23514'); // check_violation: the log still says what failed
    expect(log).toContain('no_test_marker');
    expect(log).not.toContain(MARKER);
  });

  it('refuses a NUL character before it reaches the database, and logs no value', async () => {
    const res = await biller.post('/api/patients', patient(`Nul\u0000${MARKER}`));
    expect(res.statusCode).toBe(400);
    expect(lines.join('')).not.toContain(MARKER);
  });

  it('keeps search terms and query strings out of the request log', async () => {
    for (const url of [
      `/api/patients?q=${MARKER}`,
      `/api/claims?q=${MARKER}Claim`,
      `/api/encounters?q=${MARKER}&pageSize=5`,
      `/api/codes/search?q=${MARKER}`,
      `/api/patients/export.csv?q=${MARKER}`,
      `/api/nowhere?q=${MARKER}`,
    ])
      await biller.get(url);
    const log = lines.join('');
    expect(log).toContain('/api/patients');
    expect(log).toContain('/api/nowhere');
    expect(log).not.toContain(MARKER);
  });
});
