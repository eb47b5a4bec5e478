import { Card } from 'antd';
import type { Claim } from '../api/types.ts';
import { dollars, phone } from '../lists/format.ts';
import { FormBox } from './FormBox.tsx';
import { addressOf } from './PatientInsuredBoxes.tsx';
import type { ClaimParties } from './useClaimParties.ts';

/** CMS-1500 boxes 25–33: tax ID, patient account number, total charge, facility, billing provider (2010AA). */
export function BillingBoxes({ claim, parties }: { claim: Claim; parties: ClaimParties }) {
  const { practice, facility } = parties;
  return (
    <Card size="small" title="Totals, facility and billing provider (boxes 25–33)" className="cms-section">
      <div className="cms-grid">
        <FormBox n="25" label="Federal tax ID number (EIN)" box="taxId">
          {practice?.tin}
        </FormBox>
        <FormBox n="26" label="Patient's account no. (patient control number)">
          {claim.patientControlNumber}
        </FormBox>
        <FormBox n="28" label="Total charge" span={2}>
          <span data-testid="claim-total">{dollars(claim.totalChargeCents)}</span>
        </FormBox>
        <FormBox n="32" label="Service facility location" box="facility" span={2}>
          {facility && (
            <>
              {facility.name}
              <br />
              {addressOf(facility)}
            </>
          )}
        </FormBox>
        <FormBox n="32a" label="Facility NPI" span={2}>
          {facility?.npi ?? undefined}
        </FormBox>
        <FormBox n="33" label="Billing provider info and phone" box="billingProvider" span={2}>
          {practice && (
            <>
              {practice.name}
              <br />
              {addressOf(practice)}
              {practice.phone ? ` · ${phone(practice.phone)}` : ''}
            </>
          )}
        </FormBox>
        <FormBox n="33a/b" label="Billing NPI, taxonomy" span={2}>
          {practice && `${practice.npi} · ${practice.taxonomy}`}
        </FormBox>
      </div>
    </Card>
  );
}
