/** How many of an import's bytes have been read, for a progress bar's percentage and ETA. */
export function byteCounter(totalBytes: number): { add: (n: number) => void; now: () => { bytes: number; totalBytes: number } } {
  let bytes = 0;
    const add = (n: number) => {
    bytes += n;
  };
  return { add, now: () => ({ bytes, totalBytes }) };
}
