/** A reason Baton cannot start, as one line that names the setting to look at. Never carries a stack to the operator. */
export class StartupFailure extends Error {
  readonly code = 'BATON_STARTUP';
}

/** Rejects with `onTimeout()` when `work` has not settled within `ms`: a store or Slack that never answers must not hang the start. */
export async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The first line of an error's message, with its code when it has one: enough to act on, nothing more. */
export function shortReason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const message = String(e?.message ?? err).split('\n')[0] ?? '';
  const code = typeof e?.code === 'string' ? e.code : undefined;
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
