import { describe, expect, it } from 'vitest';
import { gradientCaption, readout } from '../../../../components/loss-curves/curves-view.ts';
import { parseLosses, readSettings, DEFAULTS } from '../../../../components/loss-curves/curves-settings.ts';
import { say } from '../../../../src/lib/i18n/index.ts';

describe('loss-curves texts in both languages', () => {
  const values = [{ loss: 'ce' as const, value: 2.302585, grad: -0.9 }, { loss: 'hinge' as const, value: 1.5, grad: -1 }];

  it('readout: one clause per loss, joined in the language', () => {
    expect(readout('en', 0.1, 'logit', values)).toBe('At p = 0.1: cross-entropy L = 2.303, ∂L/∂z_y = \u22120.9; multiclass hinge (margin 1) L = 1.5, ∂L/∂z_y = \u22121.');
    expect(readout('zh-CN', 0.1, 'p', values)).toBe('在p = 0.1处：交叉熵L = 2.303，dL/dp = \u22120.9；多类合页损失（间隔1）L = 1.5，dL/dp = \u22121。');
  });

  it('gradientCaption', () => {
    expect(gradientCaption('en', 'logit', 10)).toBe('Gradient ∂L/∂z_y on the true-class logit (what gradient descent uses; negative means "raise z_y"). 10 classes, wrong classes sharing 1 − p equally.');
    expect(gradientCaption('zh-CN', 'p', 3)).toBe('各损失对p的斜率dL/dp。乘以p(1 − p)即得对logit的推力。共3个类别，错误类别平分1 − p。');
  });

  it('a refused losses list keeps its message to say in either language', () => {
    expect(() => parseLosses('losses', ' ')).toThrow('losses needs at least one of: ce, mse, hinge; got " ".');
    const { errors } = readSettings((n) => (n === 'losses' ? ',' : null), DEFAULTS);
    expect(errors.map((e) => say('zh-CN', e))).toEqual(['losses至少要包含以下之一：ce, mse, hinge；收到的是","。']);
  });
});
