/** A file that cannot be read whole (truncated, not the format it claims, an unknown text encoding): the import stops and writes nothing. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
