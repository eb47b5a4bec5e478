// Reading the scenario file a user edits: unreadable (exit 2) or invalid (exit 1, each bad value named).
import { readFile } from 'node:fs/promises';
import { sandboxProblem, type SandboxProblem } from './problems.ts';
import { readScenario, type Scenario } from './scenario.ts';

export const DEFAULT_SCENARIO = new URL('./default-scenario.json', import.meta.url);

/** The scenario cannot be used: each problem is the shared problem type, located by file and field. */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly problems: SandboxProblem[],
  ) {
    super(problems.map((p) => `${file} ${p.field || '(the whole file)'}: ${p.message}`).join('\n'));
    this.name = 'ScenarioError';
  }

  /** The file could not be read as JSON at all (the CLI's exit 2), rather than holding bad values. */
  get unreadable(): boolean {
    return this.problems.some((p) => p.code === 'SANDBOX_SCENARIO_UNREADABLE');
  }
}

export async function loadScenario(file?: string): Promise<Scenario> {
  const name = file ?? 'default-scenario.json';
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file ?? DEFAULT_SCENARIO, 'utf8'));
  } catch (e) {
    throw new ScenarioError(name, [
      sandboxProblem('SANDBOX_SCENARIO_UNREADABLE', (e as Error).message, { file: name }),
    ]);
  }
  const { scenario, problems } = readScenario(json);
  if (problems.length > 0)
    throw new ScenarioError(
      name,
      problems.map((p) => ({ ...p, file: name })),
    );
  return scenario;
}
