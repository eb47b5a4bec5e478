import { Command } from 'commander';
import { VERSION } from '../server/version.ts';
import { registerServeCommands } from './serve.ts';
import { registerAdminCommands } from './admin.ts';
import { registerCodesetCommands } from './codesets.ts';
import { registerReportCommands } from './reports.ts';
import { registerX12Commands } from './x12.ts';
import { registerBackupCommands } from './backup.ts';
import { registerEraCommands } from './era.ts';
import { registerSecretsCommands } from './secrets.ts';
import { registerEraImportCommand } from './era-import.ts';
import { registerSandboxCommand } from './sandbox.ts';
import { registerEligibilityParseCommand, registerStatusParseCommand } from './eligibility-parse.ts';
import { registerStatusCommands } from './status.ts';
import { registerEligibilityCommands } from './eligibility.ts';
import { registerDenialCommands } from './denials.ts';
import { registerWageCommands } from './wages.ts';
import { registerHl7Commands } from './hl7.ts';
import { registerChartCommands } from './chart.ts';
import { registerCodingCommands } from './coding.ts';
import { registerWorkforceCommands } from './workforce.ts';

// Registering a command imports only commander and small constants: each action imports what it
// needs when it runs, so `--help` and `x12 validate` never load the database or the server.
const program = new Command('cleanclaim')
  .description('cleanclaim: open-source medical billing and coding')
  .version(VERSION)
  .showHelpAfterError()
  .addHelpText(
    'after',
    `
Exit codes:
  0  clean or valid (x12 validate, code validate, scrub), or the command succeeded
  1  findings or invalid: X12 problems, invalid codes, claims with errors or not checked
     because the code sets for their dates are not imported; or the command failed
  2  unreadable input: the file cannot be read or is not an X12 file`,
  );
registerServeCommands(program);
registerAdminCommands(program);
registerCodesetCommands(program);
registerReportCommands(program);
registerX12Commands(program);
registerBackupCommands(program);
registerEraCommands(program);
registerEraImportCommand(program);
registerSecretsCommands(program);
registerSandboxCommand(program);
registerEligibilityParseCommand(program);
registerStatusParseCommand(program);
registerStatusCommands(program);
registerEligibilityCommands(program);
registerDenialCommands(program);
registerWageCommands(program);
registerHl7Commands(program);
registerChartCommands(program);
registerCodingCommands(program);
registerWorkforceCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`cleanclaim: ${(error as Error).message}`);
  process.exitCode = 1;
}
