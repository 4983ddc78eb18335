/** The activation functions' shared words (src/lib/activations/: labels, attribute parsers), used by two widgets. */
export default {
  'activations.withSlope': '{name} (slope {slope})',
  'activations.slopeNotNumber': 'slope must be a number from 0 to {max}; got {raw}.',
  'activations.slopeOutOfRange': 'slope must be from 0 to {max}; got {value}.',
  'activations.listEmpty': '{name} needs at least one of: {allowed}.',
} as const;
