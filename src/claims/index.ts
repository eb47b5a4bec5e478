// What other domains use of claims.
export { claimServiceLines, type ClaimServiceLines } from './service-lines.ts';
