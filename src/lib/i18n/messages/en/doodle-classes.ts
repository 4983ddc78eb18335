/**
 * `<fm-doodle-classes>` (components/doodle-classes/, src/lib/doodle/): its controls, class list, probabilities, lab
 * notes, the training outcome, model files and the refusals of its edits and name checks.
 */
export default {
  'doodleClasses.padLabel': 'Drawing pad: draw an example of one of your classes.',
} as const;
