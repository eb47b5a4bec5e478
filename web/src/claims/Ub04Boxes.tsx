import { Card, Tag } from 'antd';
import type { Claim } from '../api/types.ts';
import { dollars } from '../lists/format.ts';
import { BoxFindings, FormBox } from './FormBox.tsx';
import type { ClaimParties } from './useClaimParties.ts';

type Inst = NonNullable<Claim['institutional']>;
const list = (items: string[] | undefined) => (items?.length ? items.join(' · ') : undefined);

/** UB-04 form locators 1–41: provider, bill type, statement period, patient, admission and codes. */
function HeaderLocators({ claim, inst, parties }: { claim: Claim; inst: Inst; parties: ClaimParties }) {
  const pr = parties.practice;
  const pt = parties.patient;
  // FL6 is the stay (the 837I's DTP*434), not the span of the line dates.
  const statement = claim.statement;
  return (
    <Card size="small" title="UB-04: provider, patient and admission" className="cms-section">
      <div className="cms-grid">
        <FormBox n="1" label="Billing provider" box="billingProvider" span={2}>
          {pr && `${pr.name}, ${pr.address1}, ${pr.city} ${pr.state} ${pr.zip}`}
        </FormBox>
        <FormBox n="3a" label="Patient control no.">
          {claim.patientControlNumber}
        </FormBox>
        <FormBox n="4" label="Type of bill" box="ub:billType">
          <strong data-testid="type-of-bill">
            0{inst.billType.slice(0, 2)}
            {claim.frequencyCode}
          </strong>
        </FormBox>
        <FormBox n="5" label="Federal tax no." box="taxId">
          {pr?.tin}
        </FormBox>
        <FormBox n="6" label="Statement covers period" box="ub:dates">
          {statement ? `${statement.from} – ${statement.to}` : undefined}
        </FormBox>
        <FormBox n="8" label="Patient name" box="patient">
          {pt && `${pt.lastName}, ${pt.firstName}`}
        </FormBox>
        <FormBox n="10–11" label="Birth date · sex" box="patient">
          {pt && `${pt.dateOfBirth} · ${pt.sex}`}
        </FormBox>
        <FormBox n="12–15" label="Admission date, hour, type, origin" box="ub:admission" span={2}>
          {inst.admissionDate &&
            `${inst.admissionDate} ${inst.admissionHour ?? ''}h · type ${inst.admissionType ?? '—'} · origin ${inst.admissionSource ?? '—'}`}
        </FormBox>
        <FormBox n="17" label="Discharge status" box="ub:status">
          {inst.patientStatus}
        </FormBox>
        <FormBox n="18–28" label="Condition codes">
          {list(inst.conditionCodes)}
        </FormBox>
        <FormBox n="31–34" label="Occurrence codes" span={2}>
          {list(inst.occurrences?.map((o) => `${o.code} ${o.date}`))}
        </FormBox>
        <FormBox n="39–41" label="Value codes" span={2}>
          {list(inst.values?.map((v) => `${v.code} ${dollars(v.amountCents)}`))}
        </FormBox>
      </div>
    </Card>
  );
}

/** UB-04 form locators 42–47: revenue code, HCPCS with modifiers, service date, units, charges. */
function RevenueLines({ claim }: { claim: Claim }) {
  return (
    <Card size="small" title="UB-04: service lines (FL42–47)" className="cms-section">
      <table className="cms-lines" data-testid="ub04-lines">
        <thead>
          <tr>
            <th>#</th>
            <th>42 Rev. code</th>
            <th>44 HCPCS · modifiers</th>
            <th>45 Service date</th>
            <th>46 Units</th>
            <th>47 Charges</th>
          </tr>
        </thead>
        <tbody>
          {claim.lines.map((l) => (
            <tr key={l.id} data-testid={`claim-line-${l.lineNumber}`}>
              <td className="cms-line-number">{l.lineNumber}</td>
              <td>
                <strong>{l.revenueCode}</strong>
              </td>
              <td>
                {l.procedureCode}
                {l.modifiers.map((m) => (
                  <Tag key={m} className="modifier-tag">
                    {m}
                  </Tag>
                ))}
              </td>
              <td>{l.serviceDate}</td>
              <td className="cms-number">{l.units}</td>
              <td className="cms-number">{dollars(l.chargeCents)}</td>
            </tr>
          ))}
          <tr>
            <td />
            <td>0001</td>
            <td colSpan={3}>Total charges</td>
            <td className="cms-number">{dollars(claim.totalChargeCents)}</td>
          </tr>
        </tbody>
      </table>
      {claim.lines.map((l) => (
        <BoxFindings key={l.id} box={`line:${l.lineNumber}`} />
      ))}
    </Card>
  );
}

/** UB-04 form locators 50–77: payer, insured, diagnoses with POA, procedures, physicians. */
function CodeLocators({ claim, inst, parties }: { claim: Claim; inst: Inst; parties: ClaimParties }) {
  const poa = inst.presentOnAdmission ?? [];
  return (
    <Card size="small" title="UB-04: payer, diagnoses and physicians" className="cms-section">
      <div className="cms-grid">
        <FormBox n="50" label="Payer" box="payer">
          {parties.payer && `${parties.payer.name} (${parties.payer.payerId})`}
        </FormBox>
        <FormBox n="56" label="NPI" box="billingProvider">
          {parties.practice?.npi}
        </FormBox>
        <FormBox n="58–60" label="Insured · member ID" box="insured">
          {parties.coverage &&
            `${parties.coverage.subscriberLastName}, ${parties.coverage.subscriberFirstName} · ${parties.coverage.memberId}`}
        </FormBox>
        <FormBox n="63" label="Treatment authorization" box="priorAuthorization">
          {claim.priorAuthorization}
        </FormBox>
        <FormBox n="64" label="Document control no." box="resubmission">
          {claim.payerClaimNumber}
        </FormBox>
        <FormBox n="67" label="Diagnoses · POA" box="diagnoses" span={3}>
          <span data-testid="ub04-diagnoses">
            {claim.diagnoses.map((d, i) => (
              <Tag key={d}>
                {d}
                {poa[i] ? ` ${poa[i]}` : ''}
              </Tag>
            ))}
          </span>
          <BoxFindings box="ub:poa" />
        </FormBox>
        <FormBox n="69 · 70 · 72" label="Admitting dx · reason for visit · external cause">
          {[inst.admittingDiagnosis, list(inst.reasonForVisit), list(inst.externalCauses)]
            .map((v) => v ?? '—')
            .join(' · ')}
        </FormBox>
        <FormBox n="74" label="Principal and other procedures" box="ub:procedures" span={2}>
          {list(inst.procedures?.map((p) => `${p.code} ${p.date}`))}
        </FormBox>
        <FormBox n="76" label="Attending" box="ub:attending">
          {parties.rendering &&
            `${parties.rendering.lastName}, ${parties.rendering.firstName} · NPI ${parties.rendering.npi}`}
        </FormBox>
      </div>
    </Card>
  );
}

/** An institutional claim laid out as the UB-04 (CMS-1450), each finding beside its form locator. */
export function Ub04Boxes({ claim, parties }: { claim: Claim; parties: ClaimParties }) {
  const inst = claim.institutional;
  if (!inst) return null;
  return (
    <>
      <HeaderLocators claim={claim} inst={inst} parties={parties} />
      <RevenueLines claim={claim} />
      <CodeLocators claim={claim} inst={inst} parties={parties} />
    </>
  );
}
