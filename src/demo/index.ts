// What the wiring and the integration tests use of the demo: load the demo practices.
export { DEMO_OUTBOX, seedDemo } from './seed.ts';
