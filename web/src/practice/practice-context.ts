import { createContext, useContext } from 'react';
import type { Practice } from '../api/types.ts';

export interface PracticeState {
  practices: Practice[];
  /** False until the granted practices have been fetched. */
  loaded: boolean;
  /** The practice the user works in: every list is filtered to it and every new record goes to it. */
  current: Practice | undefined;
  choose(id: number): void;
  reload(): Promise<void>;
}

export const PracticeContext = createContext<PracticeState | undefined>(undefined);

export function usePractice(): PracticeState {
  const state = useContext(PracticeContext);
  if (!state) throw new Error('usePractice outside PracticeProvider');
  return state;
}

/** The current practice's id, for list filters and the practiceId of new records. */
export function usePracticeId(): number | undefined {
  return usePractice().current?.id;
}
