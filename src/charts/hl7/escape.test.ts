import { describe, expect, it } from 'vitest';
import { escapeHl7, unescapeHl7, type Delimiters } from './escape.ts';

const d: Delimiters = {
  fieldSeparator: '|',
  componentSeparator: '^',
  repetitionSeparator: '~',
  escapeCharacter: '\\',
  subcomponentSeparator: '&',
};

describe('HL7 escape sequences', () => {
  it('turns each delimiter escape back into its character', () => {
    expect(unescapeHl7('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f', d)).toBe('a|b^c&d~e\\f');
  });
  it('reads line breaks, hex data and drops formatting commands', () => {
    expect(unescapeHl7('line 1\\.br\\line 2', d)).toBe('line 1\nline 2');
    expect(unescapeHl7('\\XC3A9\\t\\X41\\', d)).toBe('étA');
    expect(unescapeHl7('\\H\\bold\\N\\ text\\.sp 2\\end', d)).toBe('bold text\n\nend');
    expect(unescapeHl7('\\.in+4\\indented\\.ce\\', d)).toBe('indented');
  });
  it('uses the message’s own escape character', () => {
    const custom = { ...d, fieldSeparator: '#', componentSeparator: '*', escapeCharacter: '%' };
    expect(unescapeHl7('BP 142/88 %F% recheck%.br%next \\ kept', custom)).toBe(
      'BP 142/88 # recheck\nnext \\ kept',
    );
  });
  it('escapes what it writes, so unescaping gives the text back', () => {
    const text = 'a|b^c&d~e\\f\nline';
    expect(escapeHl7(text, d)).toBe('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\.br\\line');
    expect(unescapeHl7(escapeHl7(text, d), d)).toBe(text);
  });
});
