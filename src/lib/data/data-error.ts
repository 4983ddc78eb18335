import { MessageError } from '../i18n/reader-error.ts';
import type { Msg } from '../i18n/types.ts';

/**
 * A data file that is missing, truncated or corrupted; `file` names it (relative to the manifest) for the reader.
 * Given as a catalogue message, it is shown in the reader's language (`why`, read by `whyOf`); `message` is English.
 */
export class DataError extends MessageError {
  // Plain fields, not parameter properties: Node's type stripping (scripts, pretraining) rejects those.
  readonly file: string;
  constructor(file: string, message: string | Msg) {
    super(message);
    this.name = 'DataError';
    this.file = file;
  }
}
