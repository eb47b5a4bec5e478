import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop run waiting I/O (HTTP requests, their queries) before long work goes on:
 * on the embedded database everything shares one thread, so a long loop that never pauses
 * stops the whole API.
 */
export function pause(): Promise<void> {
  return setImmediate();
}
