/** The stepper's attributes: defaults, one parser each (shared params + kernels), and the default for a removed one. */
import { ParamError, parseInteger, parsePadding, quote, type Padding } from '@lib/params/index.ts';
import { parseKernel, type Kernel2D } from '@lib/conv/kernels.ts';
import { checkStepperKernel } from '@lib/conv/stepper.ts';
import { msg } from '@lib/i18n/index.ts';

export interface Settings { inputSize: number; kernelText: string; kernel: Kernel2D; stride: number; padding: Padding; dilation: number; seed: number }

export const DEFAULTS: Settings = { inputSize: 7, kernelText: 'sobel-x', kernel: parseKernel('kernel', 'sobel-x'), stride: 1, padding: 'valid', dilation: 1, seed: 1 };
export const SETTINGS_ATTRS = ['input-size', 'seed', 'kernel', 'stride', 'padding', 'dilation'] as const;

/** One parser per attribute; each returns the settings it changes or throws a ParamError for the reader. */
export const PARSE: Record<(typeof SETTINGS_ATTRS)[number], (raw: string, s: Settings) => Partial<Settings>> = {
  'input-size': (raw) => ({ inputSize: parseInteger('input-size', raw, 3, 9) }),
  seed: (raw) => ({ seed: parseInteger('seed', raw, 0, 2 ** 31 - 1) }),
  kernel: (raw, s) => ({ kernelText: raw.trim(), kernel: checkStepperKernel('kernel', parseKernel('kernel', raw, 3, s.seed)) }),
  stride: (raw) => ({ stride: parseInteger('stride', raw, 1, 3) }),
  dilation: (raw) => ({ dilation: parseInteger('dilation', raw, 1, 3) }),
  padding: (raw) => {
    // The shared parser allows up to 8; more than 3 rings of zeros would swamp a 3×3 input here.
    const why = msg('convStepper.badPadding', { raw: quote(raw) });
    let padding: Padding;
    try { padding = parsePadding('padding', raw); } catch { throw new ParamError('padding', why); }
    if (typeof padding === 'number' && padding > 3) throw new ParamError('padding', why);
    return { padding };
  },
};

export function pick(d: Settings, name: (typeof SETTINGS_ATTRS)[number], s: Settings): Partial<Settings> {
  if (name === 'kernel') return { kernelText: d.kernelText, kernel: parseKernel('kernel', d.kernelText, 3, s.seed) };
  const key = ({ 'input-size': 'inputSize', seed: 'seed', stride: 'stride', padding: 'padding', dilation: 'dilation' } as const)[name];
  return { [key]: d[key] };
}

