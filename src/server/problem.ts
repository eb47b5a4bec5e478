// Moved to src/http/problem.ts; this re-export serves src/claims until its imports are rewritten.
export * from '../http/problem.ts';
