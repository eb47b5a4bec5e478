import type { Command } from 'commander';

// `cleanclaim secrets rotate`: after CLEANCLAIM_SECRET_KEY is set to a new key and the old one
// moved to CLEANCLAIM_SECRET_KEYS_OLD, re-seals every stored credential under the new key.
export function registerSecretsCommands(program: Command): void {
  const secrets = program.command('secrets').description('encryption of stored credentials');
  secrets
    .command('rotate')
    .description(
      're-encrypt every stored clearinghouse credential under CLEANCLAIM_SECRET_KEY (reading the old ones with CLEANCLAIM_SECRET_KEYS_OLD)',
    )
    .action(async () => {
      const [{ withDatabase }, { keyRingFrom }, { rotateSecrets }, { SYSTEM_ACTOR }] = await Promise.all([
        import('./database.ts'),
        import('../clearinghouse/secrets.ts'),
        import('../clearinghouse/rotate.ts'),
        import('../audit/index.ts'),
      ]);
      await withDatabase(async (database) => {
        const ring = keyRingFrom();
        const { resealed, connections } = await rotateSecrets(database.db, ring, SYSTEM_ACTOR);
        console.log(
          `re-encrypted ${resealed} credential(s) of ${connections} connection(s) under key ${ring.current!.id}`,
        );
      });
    });
}
