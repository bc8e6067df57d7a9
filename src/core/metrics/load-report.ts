import type { LoopDeps } from '../deps.js';
import { outcomeRules } from './outcomes.js';
import { buildReport, type ReportRequest, type ReportView } from './report.js';

const DAY = 24 * 60 * 60 * 1000;

/** Reads the facts of the period and the one before it, and builds the report as of the clock's now. */
export async function loadReport(deps: LoopDeps, request: ReportRequest): Promise<ReportView> {
  const now = deps.clock.now();
  const since = now - 2 * request.days * DAY;
  const [conversations, escalations, csat] = await Promise.all([
    deps.loop.facts.conversationsCreated(since, now + 1),
    deps.loop.facts.escalationsOpened(since, now + 1),
    deps.loop.csat.listAsked(since, now + 1),
  ]);
  return buildReport({ conversations, escalations, csat }, request, now, outcomeRules(deps.policy));
}
