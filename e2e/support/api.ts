/** The API as one user, for set-up a test does before the browser (or state the UI cannot make). */
export interface Api {
  get(url: string): Promise<unknown>;
  send(method: string, url: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

export async function apiAs(baseUrl: string, user: { email: string; password: string }): Promise<Api> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const send = async (method: string, url: string, body: unknown) => {
    const r = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: await r.json() };
  };
  return {
    get: async (url) => (await fetch(`${baseUrl}${url}`, { headers: { cookie } })).json(),
    send,
  };
}

export interface MadeClaim {
  id: number;
  state: string;
  patientId: number;
  coverageId: number;
  findings: { id: number; severity: string; overridden: boolean }[];
}

/** The encounter's claim, its scrubber warnings overridden (no code sets are loaded in these tests). */
export async function claimFor(biller: Api, encounterId: number): Promise<MadeClaim> {
  let claim = (await biller.send('POST', '/api/claims', { encounterId })).body as MadeClaim;
  for (const f of claim.findings.filter((x) => x.severity === 'warning' && !x.overridden))
    claim = (
      await biller.send('POST', `/api/claims/${claim.id}/findings/${f.id}/override`, {
        reason: 'codes checked by hand',
      })
    ).body as MadeClaim;
  return claim;
}
