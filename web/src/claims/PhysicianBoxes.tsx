import { Card, Tag } from 'antd';
import type { Claim } from '../api/types.ts';
import { personName } from '../lists/format.ts';
import { pointerLetter } from './claim-states.ts';
import { FormBox } from './FormBox.tsx';
import type { ClaimParties } from './useClaimParties.ts';

/** CLM05-3 claim frequency: 1 original, 7 replacement, 8 void. */
const FREQUENCIES: Record<string, string> = { '1': '1 original', '7': '7 replacement', '8': '8 void' };

/** CMS-1500 boxes 14–23: referring provider, diagnoses A–L, resubmission and prior authorization (loop 2300). */
export function PhysicianBoxes({ claim, parties }: { claim: Claim; parties: ClaimParties }) {
  const { referring } = parties;
  return (
    <Card size="small" title="Physician or supplier information (boxes 14–23)" className="cms-section">
      <div className="cms-grid">
        <FormBox n="17" label="Name of referring provider" box="referring" span={2}>
          {referring && `DN ${personName(referring)}`}
        </FormBox>
        <FormBox n="17b" label="Referring NPI">
          {referring?.npi}
        </FormBox>
        <FormBox n="22" label="Resubmission code, original ref. no." box="resubmission">
          {FREQUENCIES[claim.frequencyCode] ?? claim.frequencyCode}
          {claim.payerClaimNumber ? ` · ${claim.payerClaimNumber}` : ''}
        </FormBox>
        <FormBox n="21" label="Diagnosis or nature of illness (ICD ind. 0)" box="diagnoses" span={3}>
          <div className="cms-diagnoses" data-testid="claim-diagnoses">
            {claim.diagnoses.map((code, i) => (
              <span key={code} className="cms-diagnosis">
                <span className="cms-letter">{pointerLetter(i + 1)}.</span>
                <Tag>{code}</Tag>
              </span>
            ))}
          </div>
        </FormBox>
        <FormBox n="23" label="Prior authorization number" box="priorAuthorization">
          {claim.priorAuthorization ?? undefined}
        </FormBox>
      </div>
    </Card>
  );
}
