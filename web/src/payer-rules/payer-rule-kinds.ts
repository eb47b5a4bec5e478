/** The payer rules the scrubber reads as data (src/scrubber/rules), in billers' words. */
export const PAYER_RULE_KINDS = [
  { value: 'prior-auth-required', label: 'Prior authorization required (box 23)' },
  { value: 'rendering-taxonomy-required', label: 'Rendering provider taxonomy required' },
  { value: 'clia-required', label: 'CLIA number required (lab)' },
];

export const kindLabel = (kind: string) => PAYER_RULE_KINDS.find((k) => k.value === kind)?.label ?? kind;
