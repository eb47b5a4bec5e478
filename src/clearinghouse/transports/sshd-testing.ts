// A real OpenSSH server on 127.0.0.1 for the SFTP tests: its own config, host key and client key
// in a temp dir, on a free high port. Key authentication always works; password authentication
// needs a system user with a password, so it is offered only when the test runs as root (CI),
// which creates one.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';
const TEST_USER = 'cleanclaim-sftp';
export const TEST_PASSWORD = 'Sandbox-pw-1';

export interface TestSshd {
  dir: string;
  port: number;
  username: string;
  privateKey: string;
  /** The fingerprint of the server's host key (SHA256:…). */
  fingerprint: string;
  /** Set only when password authentication could be arranged. */
  password: string | null;
  /** Folders on the server, owned by the login user. */
  outbound: string;
  inbound: string;
  /** Kills the server and every session it has open (a dropped connection). */
  kill(): void;
  /** Freezes (SIGSTOP) or thaws (SIGCONT) the server and its sessions: a server that stops answering. */
  pause(): void;
  resume(): void;
  restart(): Promise<void>;
  stop(): void;
}

/** The test server as cleanclaim's SFTP connection (key authentication), as the connections API takes it. */
export function sshdConnection(sshd: TestSshd, name = 'Test SFTP') {
  return {
    name,
    kind: 'sftp' as const,
    host: '127.0.0.1',
    port: sshd.port,
    username: sshd.username,
    authMethod: 'key' as const,
    privateKey: sshd.privateKey,
    outboundDir: sshd.outbound,
    inboundDirs: [sshd.inbound],
  };
}

/** Why the SFTP tests cannot run here, or null. */
export function sshdUnavailable(): string | null {
  if (!existsSync(SSHD)) return `${SSHD} is not installed (apt-get install openssh-server)`;
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'ssh-keygen is not installed';
  }
  return null;
}

const isRoot = () => process.getuid?.() === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function ensureUser(): { uid: number; gid: number } {
  try {
    execFileSync('id', ['-u', TEST_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['-M', '-d', '/nonexistent', '-s', '/bin/sh', TEST_USER]);
  }
  execFileSync('chpasswd', { input: `${TEST_USER}:${TEST_PASSWORD}\n` });
  const uid = Number(execFileSync('id', ['-u', TEST_USER]).toString());
  const gid = Number(execFileSync('id', ['-g', TEST_USER]).toString());
  return { uid, gid };
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      if (ppid === pid) out.push(Number(entry), ...descendants(Number(entry)));
    } catch {
      /* gone */
    }
  }
  return out;
}

export async function startSshd(): Promise<TestSshd> {
  const dir = mkdtempSync(join(tmpdir(), 'cleanclaim-sshd-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'client_key')]);
  const fingerprint = execFileSync('ssh-keygen', ['-l', '-f', join(dir, 'host_key.pub')])
    .toString()
    .split(' ')[1]!;
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_key.pub')));
  chmodSync(join(dir, 'authorized_keys'), 0o644);
  const root = isRoot();
  const owner = root ? ensureUser() : null;
  const username = root ? TEST_USER : userInfo().username;
  const outbound = join(dir, 'outbound');
  const inbound = join(dir, 'inbound');
  for (const d of [outbound, inbound]) {
    mkdirSync(d);
    if (owner) chownSync(d, owner.uid, owner.gid);
  }
  if (root) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      `PasswordAuthentication ${root ? 'yes' : 'no'}`,
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      `AllowUsers ${username}`,
      'Subsystem sftp internal-sftp',
      'LogLevel ERROR',
      'MaxStartups 50',
    ].join('\n') + '\n',
  );
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    // Ready when the port accepts connections.
    const end = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`sshd exited: ${stderr}`);
      const ok = await new Promise<boolean>((resolve) => {
        const s = connect(port, '127.0.0.1');
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
      });
      if (ok) return;
      if (Date.now() > end) throw new Error(`sshd did not listen on ${port}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await launch();
  /** Signals sshd and the session processes it started, the deepest first. */
  const signal = (name: NodeJS.Signals) => {
    if (!child?.pid) return;
    for (const pid of [child.pid, ...descendants(child.pid)].reverse())
      try {
        process.kill(pid, name);
      } catch {
        /* gone */
      }
  };
  const kill = () => {
    signal('SIGKILL');
    child = null;
  };
  return {
    dir,
    port,
    username,
    privateKey: readFileSync(join(dir, 'client_key'), 'utf8'),
    fingerprint,
    password: root ? TEST_PASSWORD : null,
    outbound,
    inbound,
    kill,
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    restart: launch,
    stop() {
      kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
