/** A reader- or host-supplied value that cannot be used. The message is shown to the reader as is. */
export class ParamError extends Error {
  readonly param: string;
  // No constructor parameter properties: Node's type stripping (scripts run with plain `node`) rejects them.
  constructor(param: string, message: string) {
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
