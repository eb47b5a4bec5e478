import type { FastifyInstance } from 'fastify';
import { EVERYONE, MANAGERS } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { registerResource } from '../http/resource.ts';
import { payerById } from '../payers/index.ts';
import { PayerRuleCreate, PayerRuleItem, PayerRuleUpdate } from './schema.ts';
import { payerRule } from './tables.ts';

/** A practice's payer rules (prior authorization, taxonomy, CLIA, NDC by procedure code): the scrubber applies them. */
export function registerScrubberRoutes(app: FastifyInstance, db: Db): void {
  registerResource(app, db, {
    path: 'payer-rules',
    entity: 'payer_rule',
    label: 'payer rule',
    table: payerRule,
    schemas: { create: PayerRuleCreate, update: PayerRuleUpdate, item: PayerRuleItem },
    read: EVERYONE,
    write: MANAGERS,
    phi: false,
    search: [payerRule.kind],
    sortable: { kind: payerRule.kind, createdAt: payerRule.createdAt },
    defaultSort: 'kind',
    filters: { payerId: payerRule.payerId, active: payerRule.active },
    references: { payerId: { find: payerById, label: 'payer' } },
  });
}
