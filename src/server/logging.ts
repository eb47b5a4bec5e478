import type { FastifyServerOptions } from 'fastify';

/** Where log lines go when not to stdout (tests read them back). */
export interface LogStream {
  write(line: string): void;
}

/**
 * The request log, free of PHI and secrets (HIPAA minimum necessary): cookies and CSRF headers
 * are redacted, query strings (search terms, names typed into filters) are cut from every URL,
 * and errors are logged by what failed (SQLSTATE, constraint, table) without the values.
 */
export function loggerOptions(stream?: LogStream): FastifyServerOptions['logger'] {
  return {
    level: 'info',
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
    serializers: {
      req: (req: { method: string; url: string; ip?: string; socket?: { remoteAddress?: string } }) => ({
        method: req.method,
        url: withoutQuery(req.url),
        remoteAddress: req.ip ?? req.socket?.remoteAddress,
      }),
      err: (error: Error) => ({ ...safeError(error) }),
    },
    ...(stream ? { stream } : {}),
  };
}

/** The path of a URL with any query string replaced by a marker. */
export function withoutQuery(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : `${url.slice(0, q)}?[redacted]`;
}

interface LoggedError {
  type: string;
  message: string;
  stack: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  cause?: LoggedError;
}

/**
 * An error as it may be logged. Whitelisted fields only: drizzle puts the bound parameters in
 * its message and `params`, PGlite in `params`, and PostgreSQL the failing row's values in
 * `detail` and quoted in some messages (`invalid input syntax for type integer: "…"`).
 */
export function safeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '[not an Error]', stack: '' };
  const e = error as Error & Record<string, unknown>;
  const message = safeMessage(e.message);
  const frames = (e.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at '));
  const out: LoggedError = {
    type: e.name,
    message,
    stack: [`${e.name}: ${message}`, ...frames].join('\n'),
  };
  for (const key of ['code', 'constraint', 'table', 'column', 'routine'] as const) {
    if (typeof e[key] === 'string' && /^[\w.$-]{1,100}$/.test(e[key])) out[key] = e[key];
  }
  if (e.cause !== undefined && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

const OBJECT_WORDS = new Set([
  'constraint',
  'relation',
  'table',
  'column',
  'index',
  'type',
  'schema',
  'function',
  'database',
  'role',
  'encoding',
  'trigger',
  'sequence',
]);

function safeMessage(message: string): string {
  // drizzle: "Failed query: <parameterised SQL>\nparams: <values>": keep the SQL, drop the values.
  const failed = /^Failed query: ([\s\S]*?)\nparams: [\s\S]*$/.exec(message);
  if (failed) return `Failed query: ${failed[1]!.slice(0, 2000)}`;
  // Quoted words in database messages may be values: keep only the names of database objects.
  return message
    .replace(/(\b\w+ )?"[^"]*"/g, (q, word?: string) =>
      word && OBJECT_WORDS.has(word.trim()) ? q : `${word ?? ''}"[redacted]"`,
    )
    .replace(/'[^']*'/g, "'[redacted]'")
    .slice(0, 2000);
}
