import type { FastifyInstance } from 'fastify';
import { EVERYONE, MANAGERS } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { registerResource } from '../http/resource.ts';
import { dateOrderErrors } from '../shared/checks.ts';
import { Payer, PayerCreate, PayerFee, PayerFeeCreate, PayerFeeUpdate, PayerUpdate } from './schema.ts';
import { payer, payerFeeScheduleEntry } from './tables.ts';

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
  registerResource(app, db, {
    path: 'payer-fee-schedule',
    entity: 'payer_fee_schedule_entry',
    label: 'contracted rate',
    table: payerFeeScheduleEntry,
    schemas: { create: PayerFeeCreate, update: PayerFeeUpdate, item: PayerFee },
    read: EVERYONE,
    write: MANAGERS,
    phi: false,
    search: [payerFeeScheduleEntry.procedureCode],
    sortable: {
      procedureCode: payerFeeScheduleEntry.procedureCode,
      effectiveDate: payerFeeScheduleEntry.effectiveDate,
      allowedCents: payerFeeScheduleEntry.allowedCents,
    },
    defaultSort: 'procedureCode',
    filters: { payerId: payerFeeScheduleEntry.payerId, procedureCode: payerFeeScheduleEntry.procedureCode },
    references: { payerId: { table: payer, label: 'payer' } },
    check: (row) => dateOrderErrors(row, 'effectiveDate', 'endDate'),
  });
}
