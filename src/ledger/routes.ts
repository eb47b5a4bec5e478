import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/index.ts';
import { EVERYONE, MANAGERS, OFFICE } from '../auth/roles.ts';
import type { Db, Executor } from '../db/connection.ts';
import { actorOf } from '../http/access.ts';
import { patientsByIds } from '../patients/index.ts';
import { practiceById } from '../practices/index.ts';
import { serviceLinesByIds, serviceLinesOfPatient } from '../encounters/index.ts';
import { todayIso } from '../shared/dates.ts';
import { conflict, notFound } from '../shared/problem.ts';
import { Id } from '../shared/schema.ts';
import {
  ApplyCreditBody as ApplyBody,
  PaymentBody,
  RefundBody,
  ReverseBody,
  WriteOffBody,
} from './schema.ts';
import { patientLedger, paymentUse } from './patient-ledger.ts';
import {
  applyPatientCredit,
  paymentInScope,
  postPatientPayment,
  refundPatientCredit,
  reversePatientPayment,
  writeOffPatientBalance,
} from './payment-store.ts';
import { renderReceiptPdf } from './receipt-pdf.ts';
import { ensureCharges, entriesOfSource } from './store.ts';

const tags = ['ledger'];
const PatientParams = Type.Object({ id: Id });

export interface LedgerRouteOptions {
  /** "Today" for credits applied and refunds; the clock unless a test fixes it. */
  today?: () => string;
}

/** The patient in one of these practices, or 404 (another practice's patient is not confirmed to exist). */
async function patientInScope(db: Executor, id: number, scope: readonly number[]) {
  for (const practiceId of scope) {
    const [row] = await patientsByIds(db, practiceId, [id]);
    if (row) return row;
  }
  throw notFound('patient');
}

/** The patient ledger, patient payments with their receipts, credits applied and refunded. */
export function registerLedgerRoutes(app: FastifyInstance, db: Db, options: LedgerRouteOptions = {}): void {
  const today = options.today ?? (() => todayIso());

  app.get<{ Params: { id: number } }>(
    '/api/patients/:id/ledger',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary:
          "The patient's visits with each line's charge, insurance paid, adjustments, patient share and balances; payments and credit",
        params: PatientParams,
      },
    },
    async (request) => {
      const patient = await patientInScope(db, request.params.id, request.practiceScope);
      const ledger = await patientLedger(db, patient.practiceId, patient.id);
      await recordAudit(db, actorOf(request), {
        practiceId: patient.practiceId,
        action: 'read',
        entity: 'patient_ledger',
        entityId: patient.id,
      });
      return ledger;
    },
  );

  app.post<{ Params: { id: number }; Body: typeof PaymentBody.static }>(
    '/api/patients/:id/payments',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          "Post a patient's payment (cash, check with its number, card with its reference) to the chosen lines or oldest first; what is left becomes a credit",
        params: PatientParams,
        body: PaymentBody,
      },
    },
    async (request, reply) => {
      const patient = await patientInScope(db, request.params.id, request.practiceScope);
      const outcome = await db.transaction((tx) =>
        postPatientPayment(
          tx,
          { ...request.body, practiceId: patient.practiceId, patientId: patient.id },
          actorOf(request),
        ),
      );
      reply.code(201);
      return { ...outcome, receiptUrl: `/api/payments/${outcome.payment.id}/receipt.pdf` };
    },
  );

  app.post<{ Params: { id: number }; Body: typeof ApplyBody.static }>(
    '/api/patients/:id/credit/apply',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: "Apply the patient's credit to the chosen lines, or to what they owe oldest first",
        params: PatientParams,
        body: ApplyBody,
      },
    },
    async (request) => {
      const patient = await patientInScope(db, request.params.id, request.practiceScope);
      return db.transaction((tx) =>
        applyPatientCredit(
          tx,
          {
            practiceId: patient.practiceId,
            patientId: patient.id,
            effectiveDate: today(),
            ...(request.body.lines ? { lines: request.body.lines } : {}),
          },
          actorOf(request),
        ),
      );
    },
  );

  app.post<{ Params: { id: number }; Body: typeof RefundBody.static }>(
    '/api/patients/:id/credit/refund',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: "Refund the patient's credit (all of it, or an amount)",
        params: PatientParams,
        body: RefundBody,
      },
    },
    async (request) => {
      const patient = await patientInScope(db, request.params.id, request.practiceScope);
      return db.transaction((tx) =>
        refundPatientCredit(
          tx,
          {
            practiceId: patient.practiceId,
            patientId: patient.id,
            effectiveDate: today(),
            memo: request.body.memo ?? null,
            ...(request.body.amountCents ? { amountCents: request.body.amountCents } : {}),
          },
          actorOf(request),
        ),
      );
    },
  );

  app.post<{ Params: { id: number }; Body: typeof WriteOffBody.static }>(
    '/api/patients/:id/write-off',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Write off what the patient owes (the chosen lines, or all), with the reason',
        params: PatientParams,
        body: WriteOffBody,
      },
    },
    async (request) => {
      const patient = await patientInScope(db, request.params.id, request.practiceScope);
      return db.transaction((tx) =>
        writeOffPatientBalance(
          tx,
          {
            practiceId: patient.practiceId,
            patientId: patient.id,
            reason: request.body.reason,
            effectiveDate: today(),
            ...(request.body.lines ? { lines: request.body.lines } : {}),
          },
          actorOf(request),
        ),
      );
    },
  );

  app.post<{ Params: { id: number; encounterId: number } }>(
    '/api/patients/:id/visits/:encounterId/bill-patient',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          "Bill a visit no claim bills to the patient (self-pay): each line's charge goes on the patient's account",
        params: Type.Object({ id: Id, encounterId: Id }),
      },
    },
    async (request, reply) => {
      const patient = await patientInScope(db, request.params.id, request.practiceScope);
      return db.transaction(async (tx) => {
        const lines = (await serviceLinesOfPatient(tx, patient.practiceId, patient.id)).filter(
          (l) => l.encounterId === request.params.encounterId,
        );
        if (lines.length === 0) throw notFound('encounter');
        const charges = await ensureCharges(tx, { serviceLineIds: lines.map((l) => l.id) }, actorOf(request));
        if (charges.length === 0) throw conflict('the visit is already billed');
        reply.code(201);
        return { chargedLines: charges.length, chargeCents: charges.reduce((s, c) => s + c.amountCents, 0) };
      });
    },
  );

  app.post<{ Params: { id: number }; Body: typeof ReverseBody.static }>(
    '/api/payments/:id/reverse',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Take a payment back (a returned check, a chargeback): every entry it posted is reversed, so what it paid is owed again',
        params: Type.Object({ id: Id }),
        body: ReverseBody,
      },
    },
    async (request) => {
      const payment = await paymentInScope(db, request.params.id, request.practiceScope);
      if (!payment) throw notFound('payment');
      return db.transaction((tx) =>
        reversePatientPayment(
          tx,
          payment,
          { reason: request.body.reason, effectiveDate: today() },
          actorOf(request),
        ),
      );
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/payments/:id/receipt.pdf',
    {
      config: { access: EVERYONE },
      schema: { tags, summary: "A patient payment's receipt (PDF)", params: Type.Object({ id: Id }) },
    },
    async (request, reply) => {
      const payment = await paymentInScope(db, request.params.id, request.practiceScope);
      if (!payment) throw notFound('payment');
      const [patient] = await patientsByIds(db, payment.practiceId, [payment.patientId]);
      const practice = await practiceById(db, payment.practiceId);
      const use = paymentUse(payment, await entriesOfSource(db, 'patient_payment', String(payment.id)));
      const lines = new Map(
        (
          await serviceLinesByIds(
            db,
            use.lines.map((l) => l.serviceLineId),
          )
        ).map((l) => [l.id, l]),
      );
      const pdf = await renderReceiptPdf(
        {
          practice: practice!,
          patient: {
            name: `${patient!.firstName} ${patient!.lastName}`,
            accountNumber: patient!.accountNumber,
          },
          payment,
          lines: use.lines.map((l) => ({
            serviceDate: lines.get(l.serviceLineId)?.serviceDate ?? payment.receivedDate,
            procedureCode: lines.get(l.serviceLineId)?.procedureCode ?? '',
            amountCents: l.amountCents,
          })),
          creditCents: use.creditCents,
          refundedCents: use.refundedCents,
          reversed: use.reversed,
        },
        { creationDate: payment.createdAt },
      );
      await recordAudit(db, actorOf(request), {
        practiceId: payment.practiceId,
        action: 'export',
        entity: 'patient_payment',
        entityId: payment.id,
        detail: { receipt: true },
      });
      reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="receipt-${payment.id}.pdf"`);
      return pdf;
    },
  );
}
