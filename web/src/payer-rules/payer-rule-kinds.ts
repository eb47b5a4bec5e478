/** The payer rules the scrubber reads as data (src/scrubber/rules), in billers' words. */
export const PAYER_RULE_KINDS = [
  { value: 'prior-auth-required', label: 'Prior authorization required (box 23)' },
  { value: 'rendering-taxonomy-required', label: 'Rendering provider taxonomy required' },
  { value: 'clia-required', label: 'CLIA number required (lab)' },
  { value: 'ndc-required', label: 'NDC required on drug codes (loop 2410)' },
];

export const kindLabel = (kind: string) => PAYER_RULE_KINDS.find((k) => k.value === kind)?.label ?? kind;
