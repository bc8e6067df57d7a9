/** A rate as people read it in every report (Slack, Teams, the CLI): 0.424 -> "42%", no rate -> "–". */
export function pct(v: number | undefined): string {
  return v === undefined ? '\u2013' : `${Math.round(v * 100)}%`;
}
