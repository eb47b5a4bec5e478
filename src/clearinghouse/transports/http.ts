// A real-time clearinghouse endpoint: one X12 request POSTed, its answer in the body. TLS, redirects
// and proxies are left to Node's fetch; the secret goes as a bearer token, or as basic auth with a user name.

export interface HttpSettings {
  url: string;
  /** With a secret: basic auth as this user; without one, the secret is a bearer token. */
  username?: string | null;
  secret?: string;
  timeoutMs?: number;
  /** An answer longer than this is refused (a 271 for one patient is a few kilobytes). */
  maxAnswerBytes?: number;
}

/** Why an exchange failed, in words a biller can pass on to the clearinghouse. */
export type HttpFailure = 'UNREACHABLE' | 'TIMEOUT' | 'HTTP_STATUS' | 'TOO_LARGE';

export class HttpExchangeError extends Error {
  constructor(
    readonly failure: HttpFailure,
    message: string,
    readonly status?: number,
    readonly body?: string,
  ) {
    super(message);
    this.name = 'HttpExchangeError';
  }
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_ANSWER_BYTES = 20 * 1024 * 1024;

/** The body as text, read no further than `max` bytes. */
async function bodyOf(response: Response, max: number, endpoint: string): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new HttpExchangeError('TOO_LARGE', `${endpoint} answered with more than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function authorization(s: HttpSettings): Record<string, string> {
  if (!s.secret) return {};
  if (s.username)
    return { authorization: `Basic ${Buffer.from(`${s.username}:${s.secret}`).toString('base64')}` };
  return { authorization: `Bearer ${s.secret}` };
}

/** Where the endpoint is, for a message: scheme, host and port only (a path or query may carry a token). */
export const endpointOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return 'the endpoint';
  }
};

async function exchange(s: HttpSettings, init: RequestInit): Promise<{ status: number; body: string }> {
  const timeoutMs = s.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetch(s.url, {
      ...init,
      headers: { ...authorization(s), ...(init.headers as Record<string, string>) },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError')
      throw new HttpExchangeError('TIMEOUT', `${endpointOf(s.url)} did not answer within ${timeoutMs} ms`);
    const why = err.cause?.code ?? err.cause?.message ?? err.message;
    throw new HttpExchangeError('UNREACHABLE', `${endpointOf(s.url)} could not be reached (${why})`);
  }
  let body: string;
  try {
    body = await bodyOf(response, s.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES, endpointOf(s.url));
  } catch (e) {
    if (e instanceof HttpExchangeError) throw e;
    const err = e as Error;
    if (err.name === 'TimeoutError' || err.name === 'AbortError')
      throw new HttpExchangeError(
        'TIMEOUT',
        `${endpointOf(s.url)} did not finish its answer within ${timeoutMs} ms`,
      );
    throw new HttpExchangeError('UNREACHABLE', `${endpointOf(s.url)} dropped the answer (${err.message})`);
  }
  if (!response.ok)
    throw new HttpExchangeError(
      'HTTP_STATUS',
      `${endpointOf(s.url)} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      response.status,
      body,
    );
  return { status: response.status, body };
}

/** POSTs one X12 interchange and answers the body (HTTP 2xx only; anything else is an HttpExchangeError). */
export function postX12(s: HttpSettings, x12: string): Promise<{ status: number; body: string }> {
  return exchange(s, {
    method: 'POST',
    headers: { 'content-type': 'application/edi-x12', accept: 'application/edi-x12, text/plain' },
    body: x12,
  });
}

/** "Test connection": a GET of the endpoint with the credentials, nothing about any patient. */
export function checkEndpoint(s: HttpSettings): Promise<{ status: number; body: string }> {
  return exchange(s, { method: 'GET' });
}
