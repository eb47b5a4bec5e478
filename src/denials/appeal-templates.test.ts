import { describe, expect, it } from 'vitest';
import { chooseTemplate, type TemplateChoice } from './appeal-templates.ts';

const t = (
  id: number,
  practiceId: number | null,
  category: string | null,
  payerId: number | null,
  active = true,
) => ({ id, practiceId, category, payerId, active }) satisfies TemplateChoice;

describe('choosing an appeal template', () => {
  const builtInGeneral = t(1, null, null, null);
  const builtInBundling = t(2, null, 'bundling', null);
  const practiceBundling = t(3, 7, 'bundling', null);
  const practicePayerBundling = t(4, 7, 'bundling', 30);
  const otherPractice = t(5, 8, 'bundling', 30);
  const all = [builtInGeneral, builtInBundling, practiceBundling, practicePayerBundling, otherPractice];
  const want = { practiceId: 7, payerId: 30, category: 'bundling' };

  it('prefers practice + payer + category, then practice + category, then built-in category, then built-in general', () => {
    expect(chooseTemplate(all, want)?.id).toBe(4);
    expect(chooseTemplate(all, { ...want, payerId: 31 })?.id).toBe(3);
    expect(chooseTemplate(all, { ...want, practiceId: 9, payerId: 31 })?.id).toBe(2);
    expect(chooseTemplate(all, { ...want, category: 'timely-filing' })?.id).toBe(1);
    expect(chooseTemplate(all, { ...want, category: null })?.id).toBe(1);
  });

  it("never takes another practice's template or an inactive one", () => {
    expect(chooseTemplate([otherPractice, builtInBundling], want)?.id).toBe(2);
    expect(chooseTemplate([t(4, 7, 'bundling', 30, false), builtInBundling], want)?.id).toBe(2);
    expect(chooseTemplate([otherPractice], want)).toBeUndefined();
  });

  it("a practice's general letter beats the built-in general one, not the built-in category's argument", () => {
    expect(chooseTemplate([builtInBundling, t(9, 7, null, null)], want)?.id).toBe(2);
    expect(chooseTemplate([builtInGeneral, t(9, 7, null, null)], { ...want, category: 'coding' })?.id).toBe(
      9,
    );
  });
});
