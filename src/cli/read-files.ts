import { readFile } from 'node:fs/promises';

/**
 * The text of each file named on the command line, or undefined (with exit code 2, "unreadable
 * input") after saying which file could not be read: a command reads all its files before it
 * changes anything.
 */
export async function readTextFiles(files: readonly string[]): Promise<[string, string][] | undefined> {
  const texts: [string, string][] = [];
  for (const file of files) {
    try {
      texts.push([file, await readFile(file, 'utf8')]);
    } catch (error) {
      console.error(`cleanclaim: ${file}: ${(error as Error).message}`);
      process.exitCode = 2;
      return undefined;
    }
  }
  return texts;
}
