// A work item as the API answers it: the routes' response schema and, as types, the web pages' model.
import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../shared/schema.ts';

export const WorkItem = Type.Object({
  id: Type.Integer(),
  practiceId: Type.Integer(),
  queue: Type.String(),
  claimId: Type.Union([Type.Integer(), Type.Null()]),
  patientId: Type.Union([Type.Integer(), Type.Null()]),
  patientControlNumber: Type.String(),
  patientName: Type.String(),
  payerId: Type.Union([Type.Integer(), Type.Null()]),
  payerName: Type.String(),
  reasonCode: Type.String(),
  reason: Type.String({ description: 'why it is on the queue and what to do, in words' }),
  amountCents: Type.Integer({ description: 'money at stake' }),
  dueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  status: Type.String({ description: 'open, in-progress, waiting, done' }),
  state: Type.String(),
  owner: Type.Union([Type.Integer(), Type.Null()]),
  ownerName: Type.Union([Type.String(), Type.Null()]),
  nextFollowUpOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  openedAt: Timestamp,
  closedAt: Type.Union([Timestamp, Type.Null()]),
  closeNote: Type.Union([Type.String(), Type.Null()]),
});

export const WorkItemPage = Type.Object({
  items: Type.Array(WorkItem),
  total: Type.Integer({ description: 'matching items, counted up to 10,000' }),
  totalCapped: Type.Boolean({ description: 'true: at least `total` items match' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export type WorkItemJson = Static<typeof WorkItem>;
export type WorkItemPageJson = Static<typeof WorkItemPage>;
