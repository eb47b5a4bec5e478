import { describe, expect, it } from 'vitest';
import { noCodesetsMessage } from './missing.ts';

describe('first start without code sets', () => {
  it('names the folder looked in, or the setting, and both ways to get the code sets', () => {
    const none = noCodesetsMessage(undefined);
    expect(none).toMatch(/CLEANCLAIM_CODESETS_DIR/);
    expect(none).toMatch(/codesets download --dir DIR/);
    expect(none).toMatch(/codesets import DIR/);
    expect(noCodesetsMessage('/srv/codes')).toMatch(/^No code set files were found in \/srv\/codes\./);
  });
});
