import type { Command } from 'commander';

const CLI_ACTOR = { userId: null, userEmail: 'cli', ip: null };

function practiceOf(value: string | undefined): number | undefined {
  const id = Number(value ?? process.env.CLEANCLAIM_MLLP_PRACTICE);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

// `cleanclaim hl7 import FILE...` imports HL7 v2 files (one message or several each) into a
// practice and prints each message's ACK code; exit 0 all AA, 1 any AE or AR, 2 a file unreadable.
// `cleanclaim hl7 listen` answers MLLP on a port until stopped (Ctrl-C).
export function registerHl7Commands(program: Command): void {
  const hl7 = program
    .command('hl7')
    .description('HL7 v2 from the EHR: ADT, DFT, MDM and ORU messages into charts');
  hl7
    .command('import <files...>')
    .description(
      'import HL7 v2 files (ADT A01/A04/A08, DFT P03, MDM T02, ORU R01) into a practice; prints each ACK',
    )
    .option('--practice <id>', 'the practice (default: CLEANCLAIM_MLLP_PRACTICE)')
    .option('--ack', 'print each ACK message in full')
    .action(async (files: string[], opts: { practice?: string; ack?: boolean }) => {
      const practiceId = practiceOf(opts.practice);
      if (!practiceId) {
        console.error('cleanclaim: hl7 import needs --practice <id>');
        process.exitCode = 2;
        return;
      }
      const [{ readFile }, { withDatabase }, { receiveHl7, splitHl7Messages }] = await Promise.all([
        import('node:fs/promises'),
        import('./database.ts'),
        import('../charts/hl7/index.ts'),
      ]);
      const texts: [string, string][] = [];
      for (const file of files) {
        try {
          texts.push([file, await readFile(file, 'utf8')]);
        } catch (error) {
          console.error(`cleanclaim: ${file}: ${(error as Error).message}`);
          process.exitCode = 2;
          return;
        }
      }
      let refused = 0;
      await withDatabase(async (database) => {
        for (const [file, text] of texts)
          for (const message of splitHl7Messages(text)) {
            const r = await receiveHl7(database.db, practiceId, message, CLI_ACTOR);
            if (r.ackCode !== 'AA') refused += 1;
            const why = r.problems.find((p) => p.severity === 'error' || p.severity === 'fatal');
            console.log(
              `${file}: ${r.messageType || '?'} ${r.controlId || '(no MSH-10)'}: ${r.ackCode}${why ? ` ${why.element ?? ''} ${why.message}` : r.result?.duplicate ? ' imported before, nothing changed' : ''}`,
            );
            if (opts.ack) console.log(r.ack.replaceAll('\r', '\n'));
          }
      });
      if (refused) process.exitCode = 1;
    });
  hl7
    .command('listen')
    .description('answer HL7 v2 over MLLP (TCP) for a practice until stopped')
    .option('--port <port>', 'TCP port (default: CLEANCLAIM_MLLP_PORT, else 2575)')
    .option('--host <address>', 'address to bind (default: CLEANCLAIM_MLLP_HOST, else 127.0.0.1)')
    .option('--practice <id>', 'the practice the messages are for (default: CLEANCLAIM_MLLP_PRACTICE)')
    .action(async (opts: { port?: string; host?: string; practice?: string }) => {
      const practiceId = practiceOf(opts.practice);
      if (!practiceId) {
        console.error('cleanclaim: hl7 listen needs --practice <id> (or CLEANCLAIM_MLLP_PRACTICE)');
        process.exitCode = 2;
        return;
      }
      const [{ withDatabase }, { receiveHl7, startMllpListener }] = await Promise.all([
        import('./database.ts'),
        import('../charts/hl7/index.ts'),
      ]);
      await withDatabase(async (database) => {
        const listener = await startMllpListener({
          port: Number(opts.port ?? process.env.CLEANCLAIM_MLLP_PORT ?? 2575),
          host: opts.host ?? process.env.CLEANCLAIM_MLLP_HOST ?? '127.0.0.1',
          answer: async (message) => {
            const r = await receiveHl7(database.db, practiceId, message, CLI_ACTOR);
            console.log(`${new Date().toISOString()} ${r.messageType || '?'} ${r.controlId}: ${r.ackCode}`);
            return r.ack;
          },
          onError: (e) => console.error(`cleanclaim: MLLP: ${e.message}`),
        });
        console.log(
          `cleanclaim: HL7 MLLP listener on port ${listener.port} for practice ${practiceId} (Ctrl-C stops)`,
        );
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
        await listener.close();
      });
    });
}
