import { eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { open, seal, sealedKeyId, type KeyRing } from './secrets.ts';
import { clearinghouseConnection } from './tables.ts';

const FIELDS = ['passwordSecret', 'privateKeySecret', 'passphraseSecret'] as const;

/**
 * Re-seals every stored credential not yet under the current key (`cleanclaim secrets rotate`),
 * one connection per transaction with its audit event. Run again, it changes nothing.
 */
export async function rotateSecrets(
  db: Db,
  ring: KeyRing,
  actor: AuditActor,
): Promise<{ resealed: number; connections: number }> {
  if (!ring.current)
    throw new Error(
      'set CLEANCLAIM_SECRET_KEY to the new key (and CLEANCLAIM_SECRET_KEYS_OLD to the old ones)',
    );
  const current = ring.current.id;
  let resealed = 0;
  let connections = 0;
  for (const row of await db.select().from(clearinghouseConnection)) {
    const changes: Partial<Record<(typeof FIELDS)[number], string>> = {};
    for (const f of FIELDS) {
      const value = row[f];
      if (value && sealedKeyId(value) !== current) changes[f] = seal(ring, open(ring, value));
    }
    const n = Object.keys(changes).length;
    if (!n) continue;
    await db.transaction(async (tx) => {
      await tx.update(clearinghouseConnection).set(changes).where(eq(clearinghouseConnection.id, row.id));
      await recordAudit(tx, actor, {
        practiceId: row.practiceId,
        action: 'update',
        entity: 'clearinghouse_connection',
        entityId: row.id,
        detail: { credentialsResealedUnderKey: current, fields: Object.keys(changes) },
      });
    });
    resealed += n;
    connections += 1;
  }
  return { resealed, connections };
}
