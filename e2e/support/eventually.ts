import { expect } from 'vitest';

/** Retries a page check until it passes: pages load asynchronously, and vitest's default poll (1 s) is too short. */
export function eventually<T>(check: () => Promise<T> | T) {
  return expect.poll(check, { timeout: 15_000, interval: 100 });
}
