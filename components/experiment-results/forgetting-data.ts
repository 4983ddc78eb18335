/**
 * src/data/forgetting.json (written by `npm run forgetting`), read once at build time by ForgettingTable and
 * ForgettingAcc; a missing arm or label count is a build error that names it (src/lib/experiments/forgetting-results.ts).
 */
import data from '../../src/data/forgetting.json';
import type { ForgettingResults } from '@lib/experiments/forgetting-results.ts';

export const forgetting = data as unknown as ForgettingResults;
