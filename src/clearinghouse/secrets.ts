import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ProblemError } from '../shared/problem.ts';

// Connection credentials are sealed with AES-256-GCM (a 12-byte random nonce per value, the
// 16-byte tag checked on reading) under a 32-byte key from the environment. Each ciphertext
// names its key's id (the first 8 hex digits of the key's SHA-256), so keys rotate: the new key
// goes in CLEANCLAIM_SECRET_KEY, the old ones in CLEANCLAIM_SECRET_KEYS_OLD (comma separated)
// for reading, and `cleanclaim secrets rotate` re-seals every value under the new key.

export interface KeyRing {
  current: { id: string; key: Buffer } | null;
  byId: Map<string, Buffer>;
}

const PREFIX = 'v1';

export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

function decodeKey(text: string, variable: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32)
    throw new ProblemError(
      'INVALID',
      `${variable} must be 32 bytes in base64 (it decodes to ${key.length}); make one with: openssl rand -base64 32`,
    );
  return key;
}

/** The keys from the environment: CLEANCLAIM_SECRET_KEY (sealing and reading) and CLEANCLAIM_SECRET_KEYS_OLD. */
export function keyRingFrom(env: NodeJS.ProcessEnv = process.env): KeyRing {
  const byId = new Map<string, Buffer>();
  let current: KeyRing['current'] = null;
  if (env.CLEANCLAIM_SECRET_KEY) {
    const key = decodeKey(env.CLEANCLAIM_SECRET_KEY, 'CLEANCLAIM_SECRET_KEY');
    current = { id: keyIdOf(key), key };
    byId.set(current.id, key);
  }
  for (const text of (env.CLEANCLAIM_SECRET_KEYS_OLD ?? '').split(',').filter((s) => s.trim())) {
    const key = decodeKey(text, 'CLEANCLAIM_SECRET_KEYS_OLD');
    byId.set(keyIdOf(key), key);
  }
  return { current, byId };
}

export const NO_KEY_DETAIL =
  'credentials cannot be stored: no encryption key is set. Set CLEANCLAIM_SECRET_KEY to 32 random bytes in base64 (openssl rand -base64 32) and restart the server';

/** Seals one credential: "v1:<key id>:<nonce>:<tag>:<ciphertext>" (base64 parts). */
export function seal(ring: KeyRing, plain: string): string {
  if (!ring.current)
    throw new ProblemError('INVALID', NO_KEY_DETAIL, [{ pointer: '/credentials', detail: NO_KEY_DETAIL }]);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, nonce);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    PREFIX,
    ring.current.id,
    nonce.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    body.toString('base64'),
  ].join(':');
}

/** Opens a sealed credential with whichever key of the ring sealed it. */
export function open(ring: KeyRing, sealed: string): string {
  const [prefix, keyId, nonce, tag, body] = sealed.split(':');
  if (prefix !== PREFIX || !keyId || !nonce || !tag || body === undefined)
    throw new ProblemError('INVALID', 'a stored credential is not in a form this version reads');
  const key = ring.byId.get(keyId);
  if (!key)
    throw new ProblemError(
      'INVALID',
      `a stored credential was sealed with key ${keyId}, which is neither CLEANCLAIM_SECRET_KEY nor in CLEANCLAIM_SECRET_KEYS_OLD`,
    );
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/** The id of the key a sealed value names (to tell whether rotation has reached it). */
export const sealedKeyId = (sealed: string) => sealed.split(':')[1] ?? '';

/** A new random key in the form CLEANCLAIM_SECRET_KEY takes. */
export const newSecretKey = () => randomBytes(32).toString('base64');
