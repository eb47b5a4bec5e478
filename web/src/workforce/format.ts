import { formatUsd } from '../../../src/shared/money.ts';

/** Whole-dollar wages as BLS publishes them: 4878000 cents → "$48,780" (cents kept where there are any). */
export const wholeDollars = (cents: number) => formatUsd(cents).replace(/\.00$/, '');
