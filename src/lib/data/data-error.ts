/** A data file that is missing, truncated or corrupted; `file` names it (relative to the manifest) for the reader. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}
