import { extractText, getDocumentProxy } from 'unpdf';

/**
 * The text of a PDF note, pages joined by a blank line (unpdf: Mozilla's pdf.js built for
 * servers). Undefined when the bytes are not a readable PDF. A scanned PDF has no text layer and
 * gives an empty string: the coder reads the attachment itself.
 */
export async function pdfText(bytes: Uint8Array): Promise<string | undefined> {
  try {
    // pdf.js takes the buffer over; give it a copy so the caller keeps the bytes it stores.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: false });
    return text
      .map((page) => page.trim())
      .join('\n\n')
      .trim();
  } catch {
    return undefined;
  }
}
