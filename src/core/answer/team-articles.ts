import type { Citation } from '../model/decision.js';
import type { Evidence } from '../triage/evidence.js';
import { citationOf } from './extractive-answer.js';
import { purposeOf } from './purpose.js';

/**
 * The articles among a staff reading's nearest entries, best first: answers-purpose knowledge only
 * (published articles, Q&A marked as answers, approved resolutions), never imported history, and only
 * those as close as an in-scope question comes (`floor`). The reading already kept to the account's
 * audience, so a tier- or account-bound article shows only where it may be sent.
 */
export function teamArticles(e: Evidence, floor: number, limit: number): Citation[] {
  return e.hits
    .filter((h) => h.similarity >= floor && purposeOf(h.entry) === 'answer')
    .slice(0, limit)
    .map((h) => citationOf(h.entry));
}
