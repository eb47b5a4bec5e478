// Moved to src/http/resource.ts; this re-export serves src/claims until its imports are rewritten.
export * from '../http/resource.ts';
