/** A data file that is missing, truncated or corrupted; `file` names it (relative to the manifest) for the reader. */
export class DataError extends Error {
  // A plain field, not a parameter property: Node's type stripping (scripts, pretraining) rejects those.
  readonly file: string;
  constructor(file: string, message: string) {
    super(message);
    this.name = 'DataError';
    this.file = file;
  }
}
