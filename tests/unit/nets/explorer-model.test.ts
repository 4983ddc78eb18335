import { describe, expect, it } from 'vitest';
import { modelSpec } from '../../../src/lib/nets/explorer-model.ts';
import { ParamError } from '../../../src/lib/params/index.ts';

describe('modelSpec', () => {
  it('knows the shipped models and names them when asked for another', () => {
    expect(modelSpec('digits04-cnn').classes).toBe(5);
    expect(modelSpec('fashion-cnn').classNames[1]).toBe('Trouser');
    expect(() => modelSpec('resnet50')).toThrow(ParamError);
    expect(() => modelSpec('resnet50')).toThrow('Unknown model "resnet50". Choose one of: fashion-cnn, digits04-cnn.');
  });
});
