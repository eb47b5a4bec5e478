/** Word splitting shared by index build and query: lower case, letters and digits only. */
const WORD = /[a-z0-9]+/g;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Query text that reads as a code or code prefix (G0, J45, J45.90, s52521a, 0016070, A0080). */
export function codeQuery(query: string): string | undefined {
  const q = query.trim().toUpperCase().replace(/\./g, '');
  return /^[A-Z0-9]{2,7}$/.test(q) && /\d/.test(q) ? q : undefined;
}
