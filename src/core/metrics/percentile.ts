/** Nearest-rank percentiles (each p in 0..100) of unsorted values, sorted once; undefined for no values. */
export function percentiles<P extends number>(values: number[], ps: readonly P[]): Record<P, number | undefined> {
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Object.fromEntries(ps.map((p) => [p, sorted.length === 0 ? undefined : sorted[rank(p) - 1]])) as Record<P, number | undefined>;
}
