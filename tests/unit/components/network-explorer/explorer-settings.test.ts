import { describe, expect, it } from 'vitest';
import { EXPLORER_PARSE, MODEL_CHOICES } from '../../../../components/network-explorer/explorer-settings.ts';
import { MODEL_NAMES } from '../../../../src/lib/models/shipped.ts';

describe("<fm-network-explorer>'s attribute parsers", () => {
  it('offer exactly the shipped models (the list is repeated to keep tfjs out of the first bundle)', () => {
    expect(MODEL_CHOICES.map((m) => m.name)).toEqual(MODEL_NAMES);
  });

  it.each([
    ['model', ' Digits04-CNN ', { model: 'digits04-cnn' }],
    ['image', '0', { image: 0 }],
    ['image', ' 9999 ', { image: 9999 }],
    ['layer', 'Pool2', { layer: 'pool2' }],
    ['map', '64', { map: 64 }],
  ] as const)('%s=%j → %j', (name, raw, want) => {
    expect(EXPLORER_PARSE[name](raw)).toEqual(want);
  });

  it.each([
    ['model', 'resnet', 'Unknown model "resnet". Choose one of: fashion-cnn, digits04-cnn.'],
    ['image', '-1', 'image must be a test image number (a whole number from 0); got "-1".'],
    ['image', '2.5', 'image must be a test image number (a whole number from 0); got "2.5".'],
    ['image', '1e3', 'image must be a test image number (a whole number from 0); got "1e3".'],
    ['map', '0', 'map must be a feature map number (a whole number from 1); got "0".'],
    ['layer', '<b>conv1</b>', 'layer must be a layer name such as conv1 or pool2; got "<b>conv1</b>".'],
  ] as const)('refuses %s=%j: %s', (name, raw, message) => {
    expect(() => EXPLORER_PARSE[name](raw)).toThrow(message);
  });
});
