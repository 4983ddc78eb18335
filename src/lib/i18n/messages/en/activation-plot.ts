/** `<fm-activation-plot>`'s words (components/activation-plot/). */
export default {
  'activationPlot.functions': 'Functions to compare',
  'activationPlot.slope': '{name} slope for x < 0',
  'activationPlot.plotLabel': 'Read-out position x (arrow keys move it)',
  'activationPlot.notComputed': 'not computed yet',
  'activationPlot.tableCaption': 'Values at the read-out position',
  'activationPlot.atX': 'at x = {x}',
  'activationPlot.engine': 'Computed exactly in JavaScript (float64); no GPU or TensorFlow.js needed.',
  'activationPlot.keepOne': 'Keep at least one function to plot.',
  'activationPlot.value': '{label}: f = {f}, f′ = {df}',
  'activationPlot.readout': 'x = {x}. {values}',
  'activationPlot.xAxis': 'x (pre-activation)',
  'activationPlot.xNotNumber': 'x must be a number from {min} to {max}; got {raw}.',
  'activationPlot.xOutOfRange': 'x must be from {min} to {max}; got {value}.',
  'activationPlot.noJs': 'This interactive plot needs JavaScript. The caption below describes what it shows.',
} as const;
