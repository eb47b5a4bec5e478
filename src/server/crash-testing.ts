/**
 * The crash-safety harness (used only by crash-safety.db.test.ts): the real server as a child
 * process on a data directory or PostgreSQL database, and an HTTP client that keeps one session
 * across restarts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../bin/cleanclaim.mjs', import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface ServerEnv {
  dataDir: string;
  databaseUrl?: string | undefined;
  adminEmail: string;
  adminPassword: string;
  codesetsDir?: string | undefined;
}

/** One run of `node bin/cleanclaim.mjs serve`, its output kept for the failure message. */
export class ServerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private output = '';
  /** The server's error-level log lines (pino level 50 and up), kept whole for the message. */
  readonly errors: string[] = [];

  private constructor(
    readonly port: number,
    env: ServerEnv,
  ) {
    this.child = spawn(process.execPath, [CLI, 'serve'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: env.databaseUrl ?? '',
        CLEANCLAIM_DATA_DIR: env.dataDir,
        CLEANCLAIM_DEMO: 'false',
        CLEANCLAIM_ADMIN_EMAIL: env.adminEmail,
        CLEANCLAIM_ADMIN_PASSWORD: env.adminPassword,
        CLEANCLAIM_CODESETS_DIR: env.codesetsDir ?? '',
        CLEANCLAIM_WORKERS: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      // The request log is long: the last 20,000 characters are enough to see why it stopped.
      this.output = (this.output + chunk.toString()).slice(-20_000);
      for (const line of chunk.toString().split('\n'))
        if (/"level":(50|60)/.test(line) && this.errors.length < 20) this.errors.push(line.slice(0, 3_000));
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  static async start(env: ServerEnv): Promise<ServerProcess> {
    return new ServerProcess(await freePort(), env);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The last lines the server wrote, for assertion messages. */
  tail(lines = 25): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }

  /** Waits until /api/health answers 200; throws with the server's output if it exits or times out. */
  async waitReady(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (Date.now() < deadline) {
      if (exited)
        throw new Error(`the server exited before answering (${this.child.exitCode}):\n${this.tail()}`);
      try {
        const res = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server did not answer /api/health within ${timeoutMs} ms:\n${this.tail()}`);
  }

  /** Sends the signal and waits for the exit; a server still there after 30 s is killed (and says so). */
  async kill(signal: 'SIGKILL' | 'SIGTERM') {
    this.child.kill(signal);
    const timer = setTimeout(() => {
      this.output += `\n[crash test: still running 30 s after ${signal}; sent SIGKILL]`;
      this.child.kill('SIGKILL');
    }, 30_000);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}

export interface ApiAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON from the API under test
}

/** A logged-in API user: the session is stored server-side, so it outlives a restart. */
export class ApiClient {
  baseUrl = '';
  private cookie = '';
  private csrfToken = '';

  async login(baseUrl: string, email: string, password: string): Promise<void> {
    this.baseUrl = baseUrl;
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('cleanclaim_session='));
    if (!session) throw new Error('login answered without a session cookie');
    this.cookie = session.split(';')[0]!;
    this.csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  /** Sends a request; a connection the server dropped (it was killed) rejects. */
  async request(method: string, path: string, body?: unknown): Promise<ApiAnswer> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text for the message
    }
    return { status: res.status, body: parsed };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body: unknown) {
    return this.request('POST', path, body);
  }
}
