import { say } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';

/**
 * A data file that is missing, truncated or corrupted; `file` names it (relative to the manifest) for the reader.
 * Given as a catalogue message, it is shown in the reader's language (`why`, read by `whyOf`); `message` is English.
 */
export class DataError extends Error {
  // Plain fields, not parameter properties: Node's type stripping (scripts, pretraining) rejects those.
  readonly file: string;
  readonly why: Msg | undefined;
  constructor(file: string, message: string | Msg) {
    super(typeof message === 'string' ? message : say('en', message));
    this.name = 'DataError';
    this.file = file;
    this.why = typeof message === 'string' ? undefined : message;
  }
}
