// Moved to src/http/access.ts; this re-export serves src/claims until its imports are rewritten.
export * from '../http/access.ts';
