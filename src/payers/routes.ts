import type { FastifyInstance } from 'fastify';
import { EVERYONE, MANAGERS } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { registerResource } from '../http/resource.ts';
import { Payer, PayerCreate, PayerUpdate } from './schema.ts';
import { payer } from './tables.ts';

export function registerPayerRoutes(app: FastifyInstance, db: Db): void {
  registerResource(app, db, {
    path: 'payers',
    entity: 'payer',
    label: 'payer',
    table: payer,
    schemas: { create: PayerCreate, update: PayerUpdate, item: Payer },
    read: EVERYONE,
    write: MANAGERS,
    phi: false,
    search: [payer.name, payer.payerId],
    sortable: { name: payer.name, payerId: payer.payerId, claimFilingIndicator: payer.claimFilingIndicator },
    defaultSort: 'name',
    filters: { claimFilingIndicator: payer.claimFilingIndicator },
  });
}
