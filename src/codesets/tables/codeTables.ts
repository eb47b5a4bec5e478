/** Every loaded release of every code system: what validateCode, claim edits and search read. */
import type { CmTable } from './cmTable.ts';
import type { HcpcsTable } from './hcpcsTable.ts';
import type { PcsCodeTable } from './pcsTable.ts';
import type { CodeListTable } from './codeListTable.ts';

export interface CodeTables {
  icd10cm: CmTable[];
  icd10pcs: PcsCodeTable[];
  hcpcs: HcpcsTable[];
  /** POS, CARC, group codes, type of bill, NUCC taxonomy (optional) */
  lists?: CodeListTable[];
}
