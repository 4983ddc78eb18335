/**
 * An error whose cause a reader should see in their own language: it carries the message (`why`) as well as the
 * English text every error has (for consoles, logs and bug reports). Widgets show `whyOf(err)` when there is one.
 */
import { say } from './t.ts';
import type { Msg } from './types.ts';

export class ReaderError extends Error {
  // A plain field, not a parameter property: Node runs the book's scripts (pretraining, benchmarks) by stripping
  // types only, and it rejects TypeScript-only syntax.
  readonly why: Msg;
  constructor(why: Msg) {
    super(say('en', why));
    this.why = why;
    this.name = 'ReaderError';
  }
}

/**
 * An error given either a catalogue message, shown in the reader's language (`why`, read by `whyOf`) with the
 * English text as its `message`, or technical text, shown as it is. The book's refusals (ParamError, ImageFileError,
 * DataError) extend it.
 */
export class MessageError extends Error {
  readonly why: Msg | undefined;
  constructor(message: string | Msg) {
    super(typeof message === 'string' ? message : say('en', message));
    this.why = typeof message === 'string' ? undefined : message;
  }

  /** What the reader is shown: the catalogue message where there is one, else the text. */
  get said(): string | Msg {
    return this.why ?? this.message;
  }
}

/**
 * The error's message for the reader, if it carries one. Checked by shape, not `instanceof`: the script-tag bundle
 * and a page's own chunks may each hold a copy of this class.
 */
export function whyOf(err: unknown): Msg | null {
  const why = (err as { why?: unknown } | null)?.why;
  return err instanceof Error && typeof why === 'object' && why !== null && typeof (why as Msg).key === 'string' ? (why as Msg) : null;
}
