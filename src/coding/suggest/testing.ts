/** A small FY2026 ICD-10-CM table (real order-file titles) for the suggester's unit tests. */
import { buildCmTable } from '../../codesets/index.ts';
import { buildPhraseIndex, type PhraseIndex } from './phrases.ts';

const CODES: readonly [string, boolean, string][] = [
  ['C18', false, 'Malignant neoplasm of colon'],
  ['C189', true, 'Malignant neoplasm of colon, unspecified'],
  ['C50919', true, 'Malignant neoplasm of unspecified site of unspecified female breast'],
  ['E11', false, 'Type 2 diabetes mellitus'],
  ['E1165', true, 'Type 2 diabetes mellitus with hyperglycemia'],
  ['E119', true, 'Type 2 diabetes mellitus without complications'],
  ['E785', true, 'Hyperlipidemia, unspecified'],
  ['I10', true, 'Essential (primary) hypertension'],
  ['I639', true, 'Cerebral infarction, unspecified'],
  ['G43', false, 'Migraine'],
  ['G43009', true, 'Migraine without aura, not intractable, without status migrainosus'],
  ['G43019', true, 'Migraine without aura, intractable, without status migrainosus'],
  ['G43109', true, 'Migraine with aura, not intractable, without status migrainosus'],
  ['G43909', true, 'Migraine, unspecified, not intractable, without status migrainosus'],
  ['J029', true, 'Acute pharyngitis, unspecified'],
  ['J069', true, 'Acute upper respiratory infection, unspecified'],
  ['J189', true, 'Pneumonia, unspecified organism'],
  ['J45', false, 'Asthma'],
  ['J4590', false, 'Unspecified asthma'],
  ['J45901', true, 'Unspecified asthma with (acute) exacerbation'],
  ['J45909', true, 'Unspecified asthma, uncomplicated'],
  ['M25561', true, 'Pain in right knee'],
  ['M25562', true, 'Pain in left knee'],
  ['N40', false, 'Benign prostatic hyperplasia'],
  ['N400', true, 'Benign prostatic hyperplasia without lower urinary tract symptoms'],
  ['N3000', true, 'Acute cystitis without hematuria'],
  ['N3001', true, 'Acute cystitis with hematuria'],
  ['R05', false, 'Cough'],
  ['R051', true, 'Acute cough'],
  ['R059', true, 'Cough, unspecified'],
  ['R0602', true, 'Shortness of breath'],
  ['R079', true, 'Chest pain, unspecified'],
  ['R509', true, 'Fever, unspecified'],
  ['Z803', true, 'Family history of malignant neoplasm of breast'],
  ['Z833', true, 'Family history of diabetes mellitus'],
  ['Z85038', true, 'Personal history of other malignant neoplasm of large intestine'],
  [
    'Z8673',
    true,
    'Personal history of transient ischemic attack (TIA), and cerebral infarction without residual deficits',
  ],
];

export function smallPhraseIndex(): PhraseIndex {
  const table = buildCmTable(
    { system: 'ICD-10-CM', version: '2026', effectiveFrom: '2025-10-01', effectiveThrough: '2026-09-30' },
    CODES.map(([code, billable, title], i) => ({
      orderNumber: i + 1,
      code,
      billable,
      shortDescription: title.slice(0, 60),
      longDescription: title,
    })),
  );
  return buildPhraseIndex(table);
}
