/** Number formatting shared by legends and captions (no d3: captions load before the charts do). */
/** A number for people: 3 significant digits, a real minus sign, no "-0". */
export function formatValue(v: number): string {
  if (v === 0 || Object.is(v, -0)) return '0';
  const abs = Math.abs(v);
  const text = abs >= 1e4 || abs < 1e-3 ? abs.toExponential(2) : String(+abs.toPrecision(3));
  return v < 0 ? `\u2212${text}` : text;
}
