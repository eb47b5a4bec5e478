// What the kill test checks after every kill, in SQL over the stored rows: a claim payment marked
// posted has exactly its entries (payment = CLP04, all its entries = CLP03, the claim's charges),
// one not posted has none, and no remittance entry belongs to nothing.
import type { SqlRunner } from '../db/connection.ts';

export interface LedgerCheck {
  posted: number;
  pending: number;
  /** Each violation, named (empty when the ledger is whole). */
  violations: string[];
}

const one = async (sql: SqlRunner, text: string): Promise<number> =>
  Number((await sql.executeSql(text)).rows[0]?.n ?? 0);

export async function checkPostedLedger(sql: SqlRunner): Promise<LedgerCheck> {
  const violations: string[] = [];
  const count = async (what: string, text: string) => {
    const n = await one(sql, text);
    if (n) violations.push(`${n} ${what}`);
  };
  await count(
    'claim payments posted without their entries, or with entries but not posted',
    `select count(*) as n from remittance_claim rc
      where (rc.state = 'posted') <> exists (select 1 from ledger_entry e
              where e.source_type = 'remittance' and e.source_id = rc.id::text)`,
  );
  await count(
    'posted claim payments whose entries do not add up to CLP04 paid and CLP03 charge',
    `select count(*) as n from remittance_claim rc
       join lateral (select coalesce(sum(e.amount_cents) filter (where e.kind = 'insurance_payment'), 0) as paid,
                            coalesce(sum(e.amount_cents), 0) as total
                       from ledger_entry e where e.source_type = 'remittance' and e.source_id = rc.id::text) s on true
      where rc.state = 'posted' and rc.status <> '22' and (s.paid <> rc.paid_cents or s.total <> rc.charge_cents)`,
  );
  await count(
    'posted claims whose service lines lack their charge',
    `select count(*) as n from remittance_claim rc join claim_line l on l.claim_id = rc.claim_id
      where rc.state = 'posted' and not exists (select 1 from ledger_entry e
              where e.service_line_id = l.service_line_id and e.kind = 'charge' and e.amount_cents = l.charge_cents)`,
  );
  await count(
    'remittance entries of no posted claim payment or PLB',
    `select count(*) as n from ledger_entry e
      where e.source_type = 'remittance'
        and not exists (select 1 from remittance_claim rc where rc.id::text = e.source_id and rc.state = 'posted')
        and not exists (select 1 from remittance r where 'plb-' || r.id = e.source_id
                          and r.provider_adjustments_posted_at is not null)`,
  );
  await count(
    'PLB marked posted without its entries',
    `select count(*) as n from remittance r where r.provider_adjustments_posted_at is not null
        and not exists (select 1 from ledger_entry e where e.source_type = 'remittance' and e.source_id = 'plb-' || r.id)`,
  );
  await count(
    'claims with a posted payment that are not paid',
    `select count(*) as n from remittance_claim rc join claim c on c.id = rc.claim_id
      where rc.state = 'posted' and rc.status = '1' and c.state <> 'paid'`,
  );
  await count(
    'remittances holding more claim payments than their transaction has',
    `select count(*) as n from remittance r
      where r.claim_count < (select count(*) from remittance_claim rc where rc.remittance_id = r.id)`,
  );
  const states = (await sql.executeSql(`select state, count(*) as n from remittance_claim group by state`))
    .rows;
  const n = (s: string) => Number(states.find((r) => r.state === s)?.n ?? 0);
  return { posted: n('posted'), pending: n('pending'), violations };
}
