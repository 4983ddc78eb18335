/**
 * The shared parsers' messages (src/lib/params/): why a value typed into an attribute, a URL or an MDX prop was
 * refused. `{name}` is the attribute or query key and `{got}` the value as typed (quoted), both code, kept as they
 * are in every language; numbers are written as one would type them (no grouping), so they arrive as text.
 */
export default {
  'params.integer.notWhole': '{name} must be a whole number from {min} to {max}; got {got}.',
  'params.integer.outOfRange': '{name} must be from {min} to {max}; got {got}.',
  'params.keyword.unknown': 'Unknown {name} {got}. Choose one of: {choices}.',
  'params.keyword.choices': '{before}, {after}',
  'params.weight.empty': '{name} is empty; type a number such as 0, 1 or -0.5.',
  'params.weight.notNumber': '{name} must be a number; got {got}.',
  'params.weight.notFinite': '{name} must be a finite number; got {got}.',
  'params.weight.tooLarge': '{name} is too large ({got}); keep weights between -{max} and {max}.',
  'params.real.notNumber': '{name} must be a number {range}; got {got}.',
  'params.real.outOfRange': '{name} must be {range}; got {got}.',
  'params.real.range': 'from {min} to {max}',
  'params.real.rangeExample': 'from {min} to {max} (e.g. {example})',
  'params.padding.invalid': '{name} must be valid, same or a number from 0 to {max}; got {got}.',
} as const;
