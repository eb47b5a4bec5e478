// The built-in appeal letters (our own wording): one general letter and one per denial category
// whose argument differs. Seeded into appeal_template (no practice) the first time appeals are used;
// a practice writes its own per category and payer, and those win (appeal-templates.ts).

const HEAD = `{{today}}

{{payer.name}}
Attn: Appeals and Reconsiderations
{{payer.address}}

RE: {{appeal.level}} appeal
Patient: {{patient.name}}    Date of birth: {{patient.dob}}    Member ID: {{patient.memberId}}
Payer claim number: {{claim.payerClaimNumber}}    Our claim number: {{claim.patientControlNumber}}
Dates of service: {{claim.datesOfService}}
Rendering provider: {{provider.name}}, NPI {{provider.npi}}
Denial: {{denial.code}} {{denial.reason}}
Remarks: {{denial.remarks}}
Amount denied: {{denial.amount}}

Services billed:
{{claim.lines}}

To the appeals department:

`;

const TAIL = `

In support of this appeal we enclose:
{{documents}}

Please reprocess the claim and pay the services as billed. If you need anything further, call our billing office at {{practice.phone}}.

Sincerely,

{{practice.name}}
{{practice.address}}
NPI {{practice.npi}}    Tax ID {{practice.tin}}`;

const letter = (argument: string) => HEAD + argument + TAIL;

export interface BuiltInTemplate {
  /** The denial category it argues (null: the general letter, used when no other fits). */
  category: string | null;
  name: string;
  body: string;
}

export const BUILT_IN_TEMPLATES: BuiltInTemplate[] = [
  {
    category: null,
    name: 'General appeal',
    body: letter(
      `We ask you to reconsider the denial of this claim. The services were provided as billed, documented in the patient's record and coded to that record. The denial reason given does not apply to these services, for the reasons the enclosed documents show.`,
    ),
  },
  {
    category: 'timely-filing',
    name: 'Timely filing: proof of timely submission',
    body: letter(
      `The claim was denied as filed late. It was in fact submitted within your filing limit: the enclosed proof of timely filing (the clearinghouse acceptance report and your acknowledgment of receipt, with their dates) shows the claim reached you before the limit ran out. Any later submission was a resubmission of that timely original. We ask you to lift the timely filing denial and process the claim on its merits.`,
    ),
  },
  {
    category: 'medical-necessity',
    name: 'Medical necessity: records and policy',
    body: letter(
      `The claim was denied as not medically necessary. The enclosed medical records document the patient's condition (diagnoses {{claim.diagnoses}}), the findings and the reason each service was needed on the date it was provided. The services meet the criteria of your medical policy for these diagnoses, and the accepted standard of care. We ask for a review of the records by a clinician of the same specialty and payment of the services.`,
    ),
  },
  {
    category: 'bundling',
    name: 'Bundling: distinct procedural service (modifier 59/XU)',
    body: letter(
      `The claim was denied as a service bundled into another billed the same day. The service was distinct and separately identifiable: it was performed at a different session, on a different site or organ system, through a separate incision or for a separate indication, as the enclosed documentation shows. Modifier 59 (or XU, unusual non-overlapping service) marks it as such under the NCCI guidance. We ask you to pay the service separately.`,
    ),
  },
  {
    category: 'authorization',
    name: 'Authorization: obtained or not required',
    body: letter(
      `The claim was denied for lack of prior authorization. Authorization {{claim.priorAuthorization}} was obtained before the service, or the service was urgent and could not wait for one, as the enclosed authorization and records show. We ask you to match the claim to the authorization and process it.`,
    ),
  },
  {
    category: 'coding',
    name: 'Coding: codes supported by the record',
    body: letter(
      `The claim was denied for its coding. The procedure and diagnosis codes billed are those the enclosed documentation supports, under the code set in effect on the date of service, with the modifiers the services required. We ask you to process the claim as coded.`,
    ),
  },
  {
    category: 'eligibility',
    name: 'Eligibility: covered on the date of service',
    body: letter(
      `The claim was denied as the patient was not covered. The patient was enrolled under member ID {{patient.memberId}} on the date of service, as the enclosed eligibility response and insurance card show. We ask you to verify the enrollment and process the claim.`,
    ),
  },
  {
    category: 'coordination-of-benefits',
    name: 'Coordination of benefits: primary payment shown',
    body: letter(
      `The claim was denied for coordination of benefits. The enclosed explanation of benefits from the primary payer shows its payment and the balance left to your plan, and the coordination of benefits information we hold names your plan's order of benefits. We ask you to process the claim as the responsible payer.`,
    ),
  },
  {
    category: 'duplicate',
    name: 'Duplicate: a distinct service, not a repeat',
    body: letter(
      `The claim was denied as a duplicate. It is not a repeat of a claim already processed: the services, dates or units differ from any earlier claim, as the enclosed documentation shows (a second visit the same day, a repeated procedure with its medical reason). We ask you to process it as the separate claim it is.`,
    ),
  },
  {
    category: 'non-covered',
    name: 'Non-covered: covered benefit',
    body: letter(
      `The claim was denied as a service your plan does not cover. The service is a covered benefit of the patient's plan for the diagnoses billed, as the plan documents and the enclosed records show. We ask you to review the benefit determination and pay the service.`,
    ),
  },
];
