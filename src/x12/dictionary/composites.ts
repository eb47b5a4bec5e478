// X12 005010 composite data elements used by the supported guides (X12.3 dictionary).
export const COMPOSITES: Record<string, [string, string[]]> = {
  C001: [
    'Composite Unit of Measure',
    ['M ID 2/2 Unit or Basis for Measurement Code', 'O R 1/15 Exponent', 'O R 1/10 Multiplier'],
  ],
  C002: [
    'Actions Indicated',
    [
      'M ID 1/2 Paperwork/Report Action Code',
      'O ID 1/2 Paperwork/Report Action Code',
      'O ID 1/2 Paperwork/Report Action Code',
      'O ID 1/2 Paperwork/Report Action Code',
      'O ID 1/2 Paperwork/Report Action Code',
    ],
  ],
  C003: [
    'Composite Medical Procedure Identifier',
    [
      'M ID 2/2 Product/Service ID Qualifier',
      'M AN 1/48 Product/Service ID',
      'O AN 2/2 Procedure Modifier',
      'O AN 2/2 Procedure Modifier',
      'O AN 2/2 Procedure Modifier',
      'O AN 2/2 Procedure Modifier',
      'O AN 1/80 Description',
      'O AN 1/48 Product/Service ID',
    ],
  ],
  C004: [
    'Composite Diagnosis Code Pointer',
    [
      'M N0 1/2 Diagnosis Code Pointer',
      'O N0 1/2 Diagnosis Code Pointer',
      'O N0 1/2 Diagnosis Code Pointer',
      'O N0 1/2 Diagnosis Code Pointer',
    ],
  ],
  C022: [
    'Health Care Code Information',
    [
      'M ID 1/3 Code List Qualifier Code',
      'M AN 1/30 Industry Code',
      'X ID 2/3 Date Time Period Format Qualifier',
      'X AN 1/35 Date Time Period',
      'O R 1/18 Monetary Amount',
      'O R 1/15 Quantity',
      'O AN 1/30 Version Identifier',
      'X AN 1/30 Industry Code',
      'X ID 1/1 Yes/No Condition or Response Code',
    ],
  ],
  C023: [
    'Health Care Service Location Information',
    [
      'M AN 1/2 Facility Code Value',
      'O ID 1/2 Facility Code Qualifier',
      'O ID 1/1 Claim Frequency Type Code',
    ],
  ],
  C024: [
    'Related Causes Information',
    [
      'M ID 2/3 Related-Causes Code',
      'O ID 2/3 Related-Causes Code',
      'O ID 2/3 Related-Causes Code',
      'O ID 2/2 State or Province Code',
      'O ID 2/3 Country Code',
    ],
  ],
  C030: [
    'Position in Segment',
    [
      'M N0 1/2 Element Position in Segment',
      'O N0 1/2 Component Data Element Position in Composite',
      'O N0 1/4 Repeating Data Element Position',
    ],
  ],
  C035: [
    'Provider Specialty Information',
    ['M AN 1/3 Provider Specialty Code', 'O ID 1/3 Agency Qualifier Code', 'O ID 1/2 Yes/No'],
  ],
  C040: [
    'Reference Identifier',
    [
      'M ID 2/3 Reference Identification Qualifier',
      'M AN 1/50 Reference Identification',
      'X ID 2/3 Reference Identification Qualifier',
      'X AN 1/50 Reference Identification',
      'X ID 2/3 Reference Identification Qualifier',
      'X AN 1/50 Reference Identification',
    ],
  ],
  C042: ['Adjustment Identifier', ['M ID 2/2 Adjustment Reason Code', 'O AN 1/50 Reference Identification']],
  C043: [
    'Health Care Claim Status',
    [
      'M AN 1/30 Industry Code',
      'M AN 1/30 Industry Code',
      'O ID 2/3 Entity Identifier Code',
      'O ID 1/3 Code List Qualifier Code',
    ],
  ],
  C052: [
    'Medicare Status Code',
    ['M ID 1/1 Medicare Plan Code', 'O ID 1/3 Eligibility Reason Code', 'O ID 1/3 Eligibility Reason Code'],
  ],
  C056: [
    'Composite Race or Ethnicity Information',
    ['X ID 1/1 Race or Ethnicity Code', 'O ID 1/3 Code List Qualifier Code', 'X AN 1/30 Industry Code'],
  ],
  C998: ['Context Identification', ['M AN 1/35 Context Name', 'O AN 1/35 Context Reference']],
  C999: [
    'Reference in Segment',
    ['M N0 1/4 Data Element Reference Number', 'O N0 1/4 Data Element Reference Number'],
  ],
};
