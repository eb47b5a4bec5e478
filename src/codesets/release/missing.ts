/**
 * Pure: what the server says on first start when no code set is loaded and the folder it was given
 * (CLEANCLAIM_CODESETS_DIR, or ../shared/codesets beside the checkout under `npm start`) holds none.
 */
export function noCodesetsMessage(dir: string | undefined): string {
  const where = dir
    ? `No code set files were found in ${dir}.`
    : 'No code set folder is configured (CLEANCLAIM_CODESETS_DIR).';
  return [
    `${where} Claims are scrubbed without checking diagnosis and procedure codes (CODES-NOT-LOADED) until you load them:`,
    '  npx cleanclaim codesets download --dir DIR   # fetch the CMS releases, then',
    '  npx cleanclaim codesets import DIR           # or set CLEANCLAIM_CODESETS_DIR=DIR and start again',
  ].join('\n');
}
