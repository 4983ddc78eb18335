/** The convolution helpers' messages (src/lib/conv/: kernel parsing, output geometry), shared by the conv widgets. */
export default {
  'conv.kernelEmpty': '{name} is empty: give a preset name or rows of numbers like "1,0,-1; 2,0,-2; 1,0,-1".',
  'conv.kernelSize': '{name} must be from {min}×{min} to {max}×{max}; got {rows}×{cols}.',
  'conv.kernelRagged': 'Every row of {name} needs the same number of cells ({cols}); check {raw}.',
  'conv.kernelPreset': 'Unknown kernel preset {raw}. Choose one of: {presets}, or type rows of numbers.',
  'conv.kernelSizeWhole': '{name} must be a whole number from {min} to {max}; got {raw}.',
  'conv.noOutput': 'The kernel spans {kh}×{kw} pixels (with dilation {dilation}), more than the padded {h}×{w} input: there is no output. Use a smaller kernel or dilation, or more padding.',
  'conv.cell': '{name} cell (row {row}, column {col})',
  'conv.weightEmpty': '{name} is empty; type a number such as 0, 1 or -0.5.',
  'conv.weightNaN': '{name} must be a number; got {raw}.',
  'conv.weightInfinite': '{name} must be a finite number; got {raw}.',
  'conv.weightLarge': '{name} is too large ({raw}); keep weights between -{max} and {max}.',
} as const;
