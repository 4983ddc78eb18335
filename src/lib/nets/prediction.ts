/**
 * The explorer's prediction in words: the class with the largest probability, and the sentence the widget
 * announces (aria-live) after each run — what the input was, what the model says and, for a test image,
 * whether that is its label. Both are catalogue messages (class names in the reader's language too).
 */
import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';
import { classNameMsg } from '../data/class-names.ts';

export interface PredictionWords { predicted: number; input: Msg; summary: Msg }

/** `image`: the test image's number (null for the reader's drawing), `label` its class, `count` the test set's size. */
export function describePrediction(model: string, classNames: readonly string[], probs: ArrayLike<number>, image: number | null, label: number | null, count: number): PredictionWords {
  let predicted = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i]! > probs[predicted]!) predicted = i;
  const name = (i: number) => classNameMsg(classNames[i]!);
  const input = image === null ? msg('networkExplorer.drawingInput') : msg('networkExplorer.testInput', { image: String(image), count, label: name(label!) });
  const said = { model, class: name(predicted), p: `${(100 * probs[predicted]!).toFixed(1)}%`, input };
  const summary = label === null ? msg('networkExplorer.predicts', said)
    : label === predicted ? msg('networkExplorer.predictsCorrect', said) : msg('networkExplorer.predictsWrong', { ...said, label: name(label) });
  return { predicted, input, summary };
}
