// The envelope of every file the sandbox answers with: its timestamp and its control numbers (the
// state's next sequence, so each answer file has an interchange and group number of its own).
import { MemoryControlNumbers } from '../x12/index.ts';

/** ISA/GS date (CCYYMMDD) and time (HHMM) from an ISO timestamp. */
export const answerStamp = (now: string) => ({
  date: now.slice(0, 10).replaceAll('-', ''),
  time: now.slice(11, 16).replace(':', ''),
});

/** Takes the state's next sequence for one answer file (the state is the caller's working copy). */
export function answerNumbers(state: { sequence: number }): {
  numbers: MemoryControlNumbers;
  next: () => number;
} {
  state.sequence += 1;
  const n = state.sequence;
  return {
    numbers: new MemoryControlNumbers({ interchange: n, group: n, transaction: 1 }),
    next: () => n,
  };
}
