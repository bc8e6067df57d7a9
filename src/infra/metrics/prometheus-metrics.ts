import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { CallOutcome, CallService, Metrics } from '../../core/ports/metrics.js';

const CALL_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30];

/**
 * The Prometheus side of the Metrics port. One registry per Baton (not prom-client's global one), so
 * two Batons in one process (the tests) never share counters. Names are listed in docs/operating.md, "Operating Baton".
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly received = new Counter({ name: 'baton_events_received_total', help: 'Inbound events and interactions received', labelNames: ['platform'], registers: [this.registry] });
  private readonly acked = new Counter({ name: 'baton_events_acked_total', help: 'Inbound events acknowledged to the platform', labelNames: ['platform'], registers: [this.registry] });
  private readonly processed = new Counter({ name: 'baton_events_processed_total', help: 'Inbound events fully processed', labelNames: ['platform', 'outcome'], registers: [this.registry] });
  private readonly backlog = new Gauge({ name: 'baton_intake_backlog', help: 'Events taken but not yet processed', registers: [this.registry] });
  private readonly deadLetters = new Counter({ name: 'baton_inbox_dead_letters_total', help: 'Inbox items set aside after failing every try', labelNames: ['platform'], registers: [this.registry] });
  private readonly decisions = new Counter({ name: 'baton_decisions_total', help: 'Policy decisions by action and trigger', labelNames: ['action', 'trigger'], registers: [this.registry] });
  private readonly slackCalls = new Histogram({ name: 'baton_slack_call_duration_seconds', help: 'Slack Web API call latency', labelNames: ['method', 'outcome'], buckets: CALL_BUCKETS, registers: [this.registry] });
  private readonly teamsCalls = new Histogram({ name: 'baton_teams_call_duration_seconds', help: 'Teams (Bot Connector) call latency', labelNames: ['method', 'outcome'], buckets: CALL_BUCKETS, registers: [this.registry] });
  private readonly llmCalls = new Histogram({ name: 'baton_llm_call_duration_seconds', help: 'LLM call latency', labelNames: ['method', 'outcome'], buckets: CALL_BUCKETS, registers: [this.registry] });
  private readonly rateLimited = new Counter({ name: 'baton_rate_limited_total', help: 'Calls answered 429 (rate limited)', labelNames: ['service', 'method'], registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'baton_' });
  }

  eventReceived(platform: string): void {
    this.received.inc({ platform });
  }

  eventAcked(platform: string): void {
    this.acked.inc({ platform });
  }

  eventProcessed(platform: string, outcome: 'ok' | 'error'): void {
    this.processed.inc({ platform, outcome });
  }

  intakeBacklog(depth: number): void {
    this.backlog.set(depth);
  }

  deadLettered(platform: string): void {
    this.deadLetters.inc({ platform });
  }

  decision(action: string, trigger: string): void {
    this.decisions.inc({ action, trigger });
  }

  call(service: CallService, method: string, seconds: number, outcome: CallOutcome): void {
    const histogram = service === 'slack' ? this.slackCalls : service === 'teams' ? this.teamsCalls : this.llmCalls;
    histogram.observe({ method, outcome }, seconds);
    if (outcome === 'rate_limited') this.rateLimited.inc({ service, method });
  }

  /** A gauge whose labelled values are read from `read` at each scrape (e.g. open escalations by queue). */
  gaugeFrom(name: string, help: string, label: string, read: () => Promise<Record<string, number>>): void {
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [value, n] of Object.entries(await read())) this.set({ [label]: value }, n);
      },
    });
  }
}
