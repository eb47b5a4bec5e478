// Many submitted claims at once, for the kill test and the benchmark: encounters, their service
// lines, claims and claim lines written by set-based SQL from a seeded practice's patients and
// primary coverages (the API would take minutes for 50,000). Not used by the application.
import type { SqlRunner } from '../db/connection.ts';
import type { SyntheticClaim } from './synthetic.ts';

const PROCEDURES = [
  ['99213', 12_500],
  ['85025', 3_000],
] as const;

/**
 * `count` accepted professional claims (sent, acknowledged, charged in the ledger) of two lines each (99213 and 85025, on a date in October
 * 2026) for the practice, their patient control numbers `B<tag>-<encounter id>`; returns them as
 * the synthetic 835 claims that pay them (REF*6R = claim line id).
 */
export async function bulkSubmittedClaims(
  sql: SqlRunner,
  practiceId: number,
  count: number,
  tag: string,
): Promise<SyntheticClaim[]> {
  const mark = `BULK-${tag}`;
  const [provider] = (
    await sql.executeSql(`select id from provider where practice_id = $1 order by id limit 1`, [practiceId])
  ).rows;
  if (!provider) throw new Error(`practice ${practiceId} has no provider`);
  await sql.executeSql(
    `with cov as (
       select row_number() over (order by patient_id) - 1 as k, patient_id
         from (select distinct patient_id from coverage where practice_id = $1 and priority = 'primary') p),
     n as (select count(*) as c from cov)
     insert into encounter (practice_id, patient_id, service_date_from, service_date_to, place_of_service,
                            rendering_provider_id, diagnoses, prior_authorization)
     select $1, cov.patient_id, date '2026-10-01' + (g % 28), date '2026-10-01' + (g % 28), '11', $2,
            array['J069'], $3
       from generate_series(0, $4 - 1) g join cov on cov.k = g % (select c from n)`,
    [practiceId, Number(provider.id), mark, count],
  );
  for (const [i, [code, cents]] of PROCEDURES.entries())
    await sql.executeSql(
      `insert into service_line (practice_id, encounter_id, line_number, service_date, procedure_code, modifiers,
                                 units, charge_cents, diagnosis_pointers)
       select $1, e.id, $2, e.service_date_from, $3, '{}', 1, $4 + (e.id % 40) * 25, '{1}'
         from encounter e where e.practice_id = $1 and e.prior_authorization = $5`,
      [practiceId, i + 1, code, cents, mark],
    );
  await sql.executeSql(
    `insert into claim (practice_id, encounter_id, patient_id, coverage_id, payer_id, rendering_provider_id, type,
                        payer_responsibility, patient_control_number, place_of_service, diagnoses,
                        total_charge_cents, state)
     select e.practice_id, e.id, e.patient_id, cov.id, cov.payer_id, e.rendering_provider_id, 'professional', 'P',
            'B' || $2 || '-' || e.id, '11', e.diagnoses,
            (select sum(s.charge_cents) from service_line s where s.encounter_id = e.id), 'accepted'
       from encounter e
       join lateral (select id, payer_id from coverage c where c.patient_id = e.patient_id and c.priority = 'primary'
                     order by c.id limit 1) cov on true
      where e.practice_id = $1 and e.prior_authorization = $3`,
    [practiceId, tag, mark],
  );
  await sql.executeSql(
    `insert into claim_line (claim_id, service_line_id, line_number, service_date, procedure_code, modifiers, units,
                             charge_cents, diagnosis_pointers)
     select c.id, s.id, s.line_number, s.service_date, s.procedure_code, s.modifiers, s.units, s.charge_cents,
            s.diagnosis_pointers
       from claim c join service_line s on s.encounter_id = c.encounter_id
      where c.practice_id = $1 and c.patient_control_number like 'B' || $2 || '-%'`,
    [practiceId, tag],
  );
  // the charges a batch posts when the claims leave (ensureCharges), here for all at once
  await sql.executeSql(
    `insert into ledger_entry (practice_id, patient_id, encounter_id, service_line_id, claim_id, payer_id, account, kind,
                               amount_cents, effective_date, source_type, source_id)
     select c.practice_id, c.patient_id, c.encounter_id, l.service_line_id, c.id, c.payer_id, 'insurance', 'charge',
            l.charge_cents, l.service_date, 'claim', c.id::text
       from claim c join claim_line l on l.claim_id = c.id
      where c.practice_id = $1 and c.patient_control_number like 'B' || $2 || '-%'`,
    [practiceId, tag],
  );
  // Statistics for the planner, as autovacuum keeps them for tables that grow day by day: rows
  // written by the ten thousand a second ago would otherwise be planned as the few there were.
  for (const table of ['encounter', 'service_line', 'claim', 'claim_line'])
    await sql.executeSql(`analyze ${table}`);
  const { rows } = await sql.executeSql(
    `select c.id as claim_id, c.patient_control_number, p.last_name, p.first_name, l.id as line_id,
            l.procedure_code, l.charge_cents, l.service_date::text as service_date
       from claim c join patient p on p.id = c.patient_id join claim_line l on l.claim_id = c.id
      where c.practice_id = $1 and c.patient_control_number like 'B' || $2 || '-%'
      order by c.id, l.line_number`,
    [practiceId, tag],
  );
  const claims = new Map<string, SyntheticClaim>();
  for (const r of rows) {
    const pcn = String(r.patient_control_number);
    const c = claims.get(pcn) ?? {
      patientControlNumber: pcn,
      patientLastName: String(r.last_name).toUpperCase(),
      patientFirstName: String(r.first_name).toUpperCase(),
      memberId: `M${r.claim_id}`,
      lines: [],
    };
    c.lines.push({
      lineControlNumber: String(r.line_id),
      procedureCode: String(r.procedure_code),
      chargeCents: Number(r.charge_cents),
      serviceDate: String(r.service_date).slice(0, 10),
    });
    claims.set(pcn, c);
  }
  return [...claims.values()];
}
