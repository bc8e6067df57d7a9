import type { LoopDeps } from '../deps.js';
import { warmReportDays } from '../metrics/load-report.js';
import { sweepBatonResolutions } from './csat-sweep.js';
import { sweepDigest } from './digest-sweep.js';
import { sweepSla } from './sla-sweep.js';

/**
 * Everything time-driven, as one use case the scheduler calls every few seconds with the clock's
 * now (tests call it with a clock they move). Each sweep is independent: one failing does not stop
 * the others, and each is safe to run again (its effects are marked once).
 */
export async function runDueTimers(deps: LoopDeps, now: number): Promise<void> {
  const sweeps: [string, () => Promise<unknown>][] = [
    ['sla', () => sweepSla(deps, now)],
    ['csat', () => sweepBatonResolutions(deps, now)],
    ['digest', () => sweepDigest(deps, now)],
    ['reports', () => warmReportDays(deps, now)],
  ];
  for (const [name, sweep] of sweeps) {
    try {
      await sweep();
    } catch (err) {
      deps.log.error({ err, sweep: name }, 'timer sweep failed');
    }
  }
}
