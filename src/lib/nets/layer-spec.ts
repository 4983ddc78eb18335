/**
 * A sequential network described as plain data: what each layer does and with which settings, read once from
 * a tfjs-layers model. The layer table, the float64 oracle and the explorer's explanations work from this, not
 * from tfjs objects. Only the layer kinds the book's CNNs use are accepted; anything else is refused by name.
 */
import type { Padding } from '../params/padding.ts';
import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';

export type LayerSpec =
  | { kind: 'conv'; name: string; kernel: [number, number]; filters: number; stride: number; padding: Padding; bias: boolean; relu: boolean }
  | { kind: 'bn'; name: string; epsilon: number }
  | { kind: 'relu' | 'flatten' | 'softmax'; name: string }
  | { kind: 'pool'; name: string; size: number; stride: number; op: 'max' | 'avg' }
  /** Global average pooling: each channel's mean over the whole map ([h, w, c] → [c]). */
  | { kind: 'gap'; name: string }
  | { kind: 'dense'; name: string; units: number; bias: boolean; relu: boolean };

export type LayerKind = LayerSpec['kind'];

/** What a tfjs-layers layer offers us: its class name, config and name (no tensors are touched). */
export interface LayerLike { name: string; getClassName(): string; getConfig(): Record<string, unknown> }

const square = (v: unknown, what: string, name: string): number => {
  const [a, b = a] = [v].flat() as number[];
  if (a !== b) throw new Error(`layer "${name}": non-square ${what} ${a}×${b} is not supported`);
  return a!;
};

const act = (cfg: Record<string, unknown>, name: string): boolean => {
  const a = (cfg.activation as string | undefined) ?? 'linear';
  if (a !== 'linear' && a !== 'relu') throw new Error(`layer "${name}": activation ${a} is not supported (linear or relu)`);
  return a === 'relu';
};

export function describeLayer(layer: LayerLike): LayerSpec {
  const cfg = layer.getConfig();
  const name = layer.name;
  switch (layer.getClassName()) {
    case 'Conv2D': {
      if ([cfg.dilationRate].flat().some((d) => d !== undefined && d !== 1)) throw new Error(`layer "${name}": dilated convolutions are not supported`);
      const k = cfg.kernelSize as number[];
      return { kind: 'conv', name, kernel: [k[0]!, k[1] ?? k[0]!], filters: cfg.filters as number, stride: square(cfg.strides, 'stride', name), padding: cfg.padding as 'same' | 'valid', bias: cfg.useBias !== false, relu: act(cfg, name) };
    }
    case 'BatchNormalization':
      if (![-1, 3].includes([cfg.axis as number].flat()[0]!) || cfg.center === false || cfg.scale === false) throw new Error(`layer "${name}": only last-axis batch norm with γ and β is supported`);
      return { kind: 'bn', name, epsilon: cfg.epsilon as number };
    case 'ReLU':
      return { kind: 'relu', name };
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const size = square(cfg.poolSize, 'pool size', name);
      if (cfg.padding !== 'valid') throw new Error(`layer "${name}": only 'valid' pooling is supported`);
      return { kind: 'pool', name, size, stride: square(cfg.strides ?? size, 'stride', name), op: layer.getClassName() === 'MaxPooling2D' ? 'max' : 'avg' };
    }
    case 'Flatten':
      return { kind: 'flatten', name };
    case 'Dense':
      return { kind: 'dense', name, units: cfg.units as number, bias: cfg.useBias !== false, relu: act(cfg, name) };
    case 'Softmax':
      return { kind: 'softmax', name };
    default:
      throw new Error(`layer "${name}" (${layer.getClassName()}) is not one the explorer can show`);
  }
}

export function describeLayers(layers: readonly LayerLike[]): LayerSpec[] {
  return layers.map(describeLayer);
}

/** Words for a layer, e.g. "3×3 conv, 32 filters, same padding", as a message (ReLU and softmax are names in every language). */
export function layerLabel(s: LayerSpec): Msg | string {
  const relu = s.kind === 'conv' || s.kind === 'dense' ? (s.relu ? msg('networkExplorer.andRelu') : '') : '';
  switch (s.kind) {
    case 'conv': return msg('networkExplorer.convLabel', {
      size: `${s.kernel[0]}×${s.kernel[1]}`, filters: s.filters, stride: s.stride > 1 ? msg('networkExplorer.convStride', { stride: s.stride }) : '',
      padding: String(s.padding), bias: s.bias ? '' : msg('networkExplorer.convNoBias'), relu,
    });
    case 'bn': return msg('networkExplorer.bnLabel');
    case 'relu': return 'ReLU';
    case 'pool': return msg(s.op === 'max' ? 'networkExplorer.maxPoolLabel' : 'networkExplorer.avgPoolLabel', { size: `${s.size}×${s.size}`, stride: s.stride });
    case 'flatten': return msg('networkExplorer.flattenLabel');
    case 'gap': return msg('networkExplorer.gapLabel');
    case 'dense': return msg('networkExplorer.denseLabel', { units: s.units, relu });
    case 'softmax': return 'softmax';
  }
}
