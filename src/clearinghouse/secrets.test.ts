import { describe, expect, it } from 'vitest';
import { keyRingFrom, newSecretKey, open, seal, sealedKeyId } from './secrets.ts';

describe('credentials sealed with AES-256-GCM under a key from the environment', () => {
  it('seals and opens; the ciphertext does not hold the secret', () => {
    const ring = keyRingFrom({ CLEANCLAIM_SECRET_KEY: newSecretKey() });
    const sealed = seal(ring, 'hunter2');
    expect(sealed).not.toContain('hunter2');
    expect(open(ring, sealed)).toBe('hunter2');
    expect(seal(ring, 'hunter2')).not.toBe(sealed);
  });
  it('an old key still opens what it sealed; a tampered value is refused', () => {
    const old = newSecretKey();
    const sealed = seal(keyRingFrom({ CLEANCLAIM_SECRET_KEY: old }), 'pw');
    const rotated = keyRingFrom({ CLEANCLAIM_SECRET_KEY: newSecretKey(), CLEANCLAIM_SECRET_KEYS_OLD: old });
    expect(open(rotated, sealed)).toBe('pw');
    expect(sealedKeyId(seal(rotated, 'pw'))).toBe(rotated.current!.id);
    const parts = sealed.split(':');
    parts[4] = Buffer.from('px').toString('base64');
    expect(() => open(rotated, parts.join(':'))).toThrow();
    expect(() => open(keyRingFrom({ CLEANCLAIM_SECRET_KEY: newSecretKey() }), sealed)).toThrow(
      /CLEANCLAIM_SECRET_KEYS_OLD/,
    );
  });
  it('without a key, storing a credential is refused saying how to set one', () => {
    expect(() => seal(keyRingFrom({}), 'pw')).toThrow(/CLEANCLAIM_SECRET_KEY.*openssl rand -base64 32/);
  });
  it('a key of the wrong length is refused', () => {
    expect(() => keyRingFrom({ CLEANCLAIM_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
  });
});
