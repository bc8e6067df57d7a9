import type { QueuePolicy } from '../../config/policy-schema.js';
import { humanDuration } from '../handoff/customer-copy.js';
import { addBusinessTime, businessTimeBetween } from './business-time.js';

const MINUTE = 60_000;

/** When a queue's SLA for something handed to it at `at` runs out, counting its business hours only. */
export function slaDueAt(queue: Pick<QueuePolicy, 'sla_minutes' | 'hours'>, at: number): number {
  return addBusinessTime(at, queue.sla_minutes * MINUTE, queue.hours);
}

/**
 * Half of the business time between `start` and `due` has passed: the nudge time. Half-way landing on a
 * closing time moves to the next opening, when someone is there to read the nudge.
 */
export function slaHalfway(start: number, due: number, queue: Pick<QueuePolicy, 'hours'> | undefined): number {
  const hours = queue?.hours;
  const halfway = addBusinessTime(start, businessTimeBetween(start, due, hours) / 2, hours);
  return addBusinessTime(halfway, 0, hours);
}

/** The queue's SLA in a sentence: "1 hour", or "1 business hour" when it counts business hours only. */
export function slaLabel(queue: Pick<QueuePolicy, 'sla_minutes' | 'hours'>): string {
  const sla = humanDuration(queue.sla_minutes);
  return queue.hours ? sla.replace(/ (minute|hour|day)/, ' business $1') : sla;
}

/** The queue's SLA on a packet: "1 hour", or "1 hour \u00b7 mon, tue 09:00-17:00 Europe/Berlin". */
export function slaDetail(queue: Pick<QueuePolicy, 'sla_minutes' | 'hours'>): string {
  const sla = humanDuration(queue.sla_minutes);
  const h = queue.hours;
  return h ? `${sla} \u00b7 ${h.days.join(', ')} ${h.open}-${h.close} ${h.timezone}` : sla;
}
