// What the wiring (server, CLI) uses of HL7 v2 intake.
export { receiveHl7, type Hl7Receipt } from './receive.ts';
export { startMllpListener, type MllpListener } from './mllp.ts';
export { pollHl7Inbox, splitHl7Messages, type InboxFileOutcome } from './inbox.ts';
export { hl7Jobs, startHl7Intake, HL7_INBOX_JOB } from './intake.ts';
export { readHl7 } from './read.ts';
export { hl7ToChartContent } from './map.ts';
