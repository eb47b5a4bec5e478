import { Command } from 'commander';
import { VERSION } from '../server/version.ts';
import { registerServeCommands } from './serve.ts';
import { registerAdminCommands } from './admin.ts';
import { registerCodesetCommands } from './codesets.ts';
import { registerReportCommands } from './reports.ts';
import { registerX12Commands } from './x12.ts';

const program = new Command('cleanclaim')
  .description('cleanclaim: open-source medical billing and coding')
  .version(VERSION)
  .showHelpAfterError();
registerServeCommands(program);
registerAdminCommands(program);
registerCodesetCommands(program);
registerReportCommands(program);
registerX12Commands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`cleanclaim: ${(error as Error).message}`);
  process.exitCode = 1;
}
