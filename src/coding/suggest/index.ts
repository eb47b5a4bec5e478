/** Coding suggestions (issue 16): ICD-10-CM codes and the office E/M level from a note. */
export { suggestCodes } from './suggest.ts';
export type { SuggestInput, SuggestResult } from './suggest.ts';
export { buildPhraseIndex } from './phrases.ts';
export type { PhraseIndex } from './phrases.ts';
export { emLevel, mdmLevel } from './em.ts';
export type { EmInput, EmLevel, MdmElements, MdmLevel } from './em.ts';
export type { Evidence, SetAside, Suggestion } from './types.ts';
