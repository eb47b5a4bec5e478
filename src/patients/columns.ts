import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { patient } from './tables.ts';

/**
 * A patient's name and account number as SQL on another domain's patient id column: the encounter
 * and claim lists show, sort and search them without joining the patient table themselves.
 */
export function patientFieldsOf(patientId: SQLWrapper): {
  name: SQL<string>;
  lastName: SQL<string>;
  firstName: SQL<string>;
  accountNumber: SQL<string>;
} {
  const of = (value: SQL) =>
    sql<string>`(select ${value} from ${patient} where ${patient.id} = ${patientId})`;
  return {
    name: of(sql`${patient.lastName} || ', ' || ${patient.firstName}`),
    lastName: of(sql`${patient.lastName}`),
    firstName: of(sql`${patient.firstName}`),
    accountNumber: of(sql`${patient.accountNumber}`),
  };
}
