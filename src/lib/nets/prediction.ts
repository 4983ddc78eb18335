/**
 * The explorer's prediction in words: the class with the largest probability, and the sentence the widget
 * announces (aria-live) after each run — what the input was, what the model says and, for a test image,
 * whether that is its label.
 */
export interface PredictionWords { predicted: number; input: string; summary: string }

/** `image`: the test image's number (null for the reader's drawing), `label` its class, `count` the test set's size. */
export function describePrediction(model: string, classNames: readonly string[], probs: ArrayLike<number>, image: number | null, label: number | null, count: number): PredictionWords {
  let predicted = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i]! > probs[predicted]!) predicted = i;
  const input = image === null ? 'your drawing' : `test image ${image} of ${count.toLocaleString('en')} (labelled ${classNames[label!]})`;
  const verdict = label === null ? '.' : label === predicted ? ' — correct.' : ` — wrong: it is ${classNames[label]}.`;
  const summary = `${model} predicts ${classNames[predicted]} (${(100 * probs[predicted]!).toFixed(1)}%) for ${input}${verdict}`;
  return { predicted, input, summary };
}
