import type { FastifyInstance } from 'fastify';
import { EVERYONE, OFFICE } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { payerById } from '../payers/index.ts';
import { registerResource } from '../http/resource.ts';
import { dateOrderErrors, notInFutureErrors } from '../shared/checks.ts';
import { Coverage, CoverageCreate, CoverageUpdate, Patient, PatientCreate, PatientUpdate } from './schema.ts';
import { coverage, patient } from './tables.ts';

export function registerPatientRoutes(app: FastifyInstance, db: Db): void {
  registerResource(app, db, {
    path: 'patients',
    entity: 'patient',
    label: 'patient',
    table: patient,
    schemas: { create: PatientCreate, update: PatientUpdate, item: Patient },
    read: EVERYONE,
    write: OFFICE,
    phi: true,
    search: [patient.lastName, patient.firstName, patient.accountNumber],
    sortable: {
      lastName: patient.lastName,
      firstName: patient.firstName,
      dateOfBirth: patient.dateOfBirth,
      accountNumber: patient.accountNumber,
      createdAt: patient.createdAt,
    },
    defaultSort: 'lastName',
    filters: { sex: patient.sex },
    check: (row) => notInFutureErrors(row, ['dateOfBirth']),
    uniqueField: 'accountNumber',
  });
  registerResource(app, db, {
    path: 'coverages',
    entity: 'coverage',
    label: 'coverage',
    table: coverage,
    schemas: { create: CoverageCreate, update: CoverageUpdate, item: Coverage },
    read: EVERYONE,
    write: OFFICE,
    phi: true,
    search: [coverage.memberId, coverage.subscriberLastName],
    sortable: {
      priority: coverage.priority,
      effectiveDate: coverage.effectiveDate,
      memberId: coverage.memberId,
    },
    defaultSort: 'priority',
    filters: { patientId: coverage.patientId, payerId: coverage.payerId },
    references: {
      patientId: { table: patient, label: 'patient' },
      payerId: { find: payerById, label: 'payer' },
    },
    check: (row) => [
      ...dateOrderErrors(row, 'effectiveDate', 'terminationDate'),
      ...notInFutureErrors(row, ['subscriberDateOfBirth']),
    ],
  });
}
