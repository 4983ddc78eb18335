import { MessageError } from '../i18n/reader-error.ts';
import type { Msg } from '../i18n/types.ts';

/**
 * A reader- or host-supplied value that cannot be used. Given as a catalogue message (`msg(key, params)`), it is
 * shown in the reader's language (`why`, read by `whyOf`) and its `message` is the English text; given as a string
 * (technical text), the string is shown as is.
 */
export class ParamError extends MessageError {
  readonly param: string;
  // No constructor parameter properties: Node's type stripping (scripts run with plain `node`) rejects them.
  constructor(param: string, message: string | Msg) {
    super(message);
    this.name = 'ParamError';
    this.param = param;
  }
}

/** Strings from attributes and URLs are shown back to the reader; keep them short and printable. */
export function quote(raw: string): string {
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(clean.length > 40 ? `${clean.slice(0, 40)}…` : clean);
}
