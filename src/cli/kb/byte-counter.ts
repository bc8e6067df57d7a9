/** How many of an import's bytes have been read, for a progress bar's percentage and ETA. */
export function byteCounter(totalBytes: number): { add: (n: number) => void; now: () => { bytes: number; totalBytes: number } } {
  let bytes = 0;
  return { add: (n) => void (bytes += n), now: () => ({ bytes, totalBytes }) };
}
