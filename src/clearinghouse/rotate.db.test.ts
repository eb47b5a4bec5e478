import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { openTestDatabase } from '../db/testing.ts';
import { addPractice } from '../practices/index.ts';
import { connectionRow, createConnection } from './connections.ts';
import { rotateSecrets } from './rotate.ts';
import { keyRingFrom, newSecretKey, open, sealedKeyId } from './secrets.ts';

describe('cleanclaim secrets rotate', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('re-seals every credential under the new key; the old key is then no longer needed; again changes nothing', async () => {
    const practiceId = await addPractice(database.db, {
      name: 'Rotate Clinic',
      npi: '1234567893',
      tin: '123456789',
      taxonomy: '207Q00000X',
      address1: '1 Main St',
      city: 'Springfield',
      state: 'IL',
      zip: '62701',
    });
    const oldKey = newSecretKey();
    const { id } = await createConnection(
      database.db,
      practiceId,
      {
        name: 'SFTP',
        kind: 'sftp',
        host: 'sftp.example.org',
        username: 'clinic',
        authMethod: 'key',
        privateKey: 'PRIVATE KEY',
        passphrase: 'phrase',
        outboundDir: '/out',
        inboundDirs: ['/in'],
      },
      SYSTEM_ACTOR,
      keyRingFrom({ CLEANCLAIM_SECRET_KEY: oldKey }),
    );
    const newKey = newSecretKey();
    const ring = keyRingFrom({ CLEANCLAIM_SECRET_KEY: newKey, CLEANCLAIM_SECRET_KEYS_OLD: oldKey });
    expect(await rotateSecrets(database.db, ring, SYSTEM_ACTOR)).toEqual({ resealed: 2, connections: 1 });
    const row = await connectionRow(database.db, practiceId, id);
    expect(sealedKeyId(row.privateKeySecret!)).toBe(ring.current!.id);
    expect(open(keyRingFrom({ CLEANCLAIM_SECRET_KEY: newKey }), row.privateKeySecret!)).toBe('PRIVATE KEY');
    expect(await rotateSecrets(database.db, ring, SYSTEM_ACTOR)).toEqual({ resealed: 0, connections: 0 });
  });
});
