import type { CallOutcome, CallService, Metrics } from '../../core/ports/metrics.js';

/** Runs one outbound call and records its latency and outcome; `classify` names the outcome of a failure. */
export async function timedCall<T>(
  metrics: Metrics,
  service: CallService,
  method: string,
  call: () => Promise<T>,
  classify: (err: unknown) => CallOutcome = () => 'error',
): Promise<T> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const result = await call();
    metrics.call(service, method, seconds(), 'ok');
    return result;
  } catch (err) {
    metrics.call(service, method, seconds(), classify(err));
    throw err;
  }
}
