import type { Command } from 'commander';

// A command group several files add subcommands to (`eligibility check|batch|parse`,
// `status run|parse`): found if another file registered it first, else created, so the
// registration order in main.ts does not matter.
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export const eligibilityGroup = (program: Command): Command =>
  group(
    program,
    'eligibility',
    '270/271 eligibility and benefits: check a patient, a day’s batch, read any 271',
  );

export const statusGroup = (program: Command): Command =>
  group(program, 'status', '276/277 claim status: inquire for claims without an answer, read any 277');
