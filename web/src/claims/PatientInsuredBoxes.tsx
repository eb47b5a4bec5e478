import { Card } from 'antd';
import type { Claim, Patient } from '../api/types.ts';
import { Link } from 'react-router-dom';
import { personName, phone, zip } from '../lists/format.ts';
import { FILING_INDICATOR_OPTIONS } from '../payers/filing-indicators.ts';
import { relationshipLabel } from '../patients/relationships.ts';
import { FormBox } from './FormBox.tsx';
import type { ClaimParties } from './useClaimParties.ts';

export const addressOf = (a: Pick<Patient, 'address1' | 'address2' | 'city' | 'state' | 'zip'> | undefined) =>
  a && (
    <>
      {a.address1}
      {a.address2 ? `, ${a.address2}` : ''}
      <br />
      {a.city}, {a.state} {zip(a.zip)}
    </>
  );

/** CMS-1500 carrier block and boxes 1–11: the patient and the insured (837P loops 2010BA, 2010BB, 2010CA). */
export function PatientInsuredBoxes({ parties }: { claim: Claim; parties: ClaimParties }) {
  const { patient, coverage, payer } = parties;
  const self = coverage?.relationship === '18';
  return (
    <Card size="small" title="Patient and insured information (boxes 1–13)" className="cms-section">
      <div className="cms-grid">
        <FormBox n="" label="Carrier (payer)" box="payer" span={2}>
          {payer && (
            <>
              {payer.name} · payer ID {payer.payerId}
            </>
          )}
        </FormBox>
        <FormBox n="1" label="Insurance type (claim filing indicator)">
          {payer && FILING_INDICATOR_OPTIONS.find((o) => o.value === payer.claimFilingIndicator)?.label}
        </FormBox>
        <FormBox n="1a" label="Insured's ID number" box="insured">
          {coverage?.memberId}
        </FormBox>
        <FormBox n="2" label="Patient's name" box="patient">
          {patient && <Link to={`/patients/${patient.id}`}>{personName(patient)}</Link>}
        </FormBox>
        <FormBox n="3" label="Patient's birth date, sex">
          {patient && `${patient.dateOfBirth} · ${patient.sex}`}
        </FormBox>
        <FormBox n="4" label="Insured's name">
          {coverage &&
            personName({ lastName: coverage.subscriberLastName, firstName: coverage.subscriberFirstName })}
        </FormBox>
        <FormBox n="6" label="Patient relationship to insured">
          {coverage && relationshipLabel(coverage.relationship)}
        </FormBox>
        <FormBox n="5" label="Patient's address, telephone" span={2}>
          {patient && (
            <>
              {addressOf(patient)}
              {patient.phone ? ` · ${phone(patient.phone)}` : ''}
            </>
          )}
        </FormBox>
        <FormBox n="7" label="Insured's address" span={2}>
          {self ? addressOf(patient) : undefined}
        </FormBox>
        <FormBox n="11" label="Insured's policy group">
          {coverage?.groupNumber ?? undefined}
        </FormBox>
        <FormBox n="11a" label="Insured's birth date, sex">
          {coverage &&
            (self
              ? patient && `${patient.dateOfBirth} · ${patient.sex}`
              : [coverage.subscriberDateOfBirth, coverage.subscriberSex].filter(Boolean).join(' · ') ||
                undefined)}
        </FormBox>
        <FormBox n="11c" label="Insurance plan name" span={2}>
          {coverage?.planName ?? undefined}
        </FormBox>
      </div>
    </Card>
  );
}
