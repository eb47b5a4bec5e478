// Which appeal template a denial gets: the practice's own for the payer and category, then the
// practice's for the category, then the built-in letter for the category, then the practice's
// general letter, then the built-in general one. A template with no category (or no payer) stands for any.

export interface TemplateChoice {
  id: number;
  practiceId: number | null;
  category: string | null;
  payerId: number | null;
  active: boolean;
}

/** How well a template fits; undefined when it does not (another practice's, payer's or category's). */
export function templateFit(
  t: TemplateChoice,
  want: { practiceId: number; payerId: number; category: string | null },
): number | undefined {
  if (!t.active) return undefined;
  if (t.practiceId !== null && t.practiceId !== want.practiceId) return undefined;
  if (t.payerId !== null && t.payerId !== want.payerId) return undefined;
  if (t.category !== null && t.category !== want.category) return undefined;
  // The category's argument matters most, then the practice's own wording, then the payer's.
  return (t.category !== null ? 4 : 0) + (t.practiceId !== null ? 2 : 0) + (t.payerId !== null ? 1 : 0);
}

/** The best-fitting template (the oldest among equals), or undefined when none fits. */
export function chooseTemplate<T extends TemplateChoice>(
  templates: readonly T[],
  want: { practiceId: number; payerId: number; category: string | null },
): T | undefined {
  let best: { t: T; fit: number } | undefined;
  for (const t of templates) {
    const fit = templateFit(t, want);
    if (fit === undefined) continue;
    if (!best || fit > best.fit || (fit === best.fit && t.id < best.t.id)) best = { t, fit };
  }
  return best?.t;
}
