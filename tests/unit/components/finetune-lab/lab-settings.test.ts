import { describe, expect, it } from 'vitest';
import { LAB_START, withLabAttribute } from '../../../../components/finetune-lab/lab-settings.ts';
import { LAB_DEFAULTS, RUN_DEFAULTS } from '../../../../src/lib/transfer/config.ts';
import { say, type Msg } from '../../../../src/lib/i18n/index.ts';

describe('withLabAttribute', () => {
  it('sets a shared setting, and a removed attribute goes back to its default', () => {
    const errors = new Map<string, string | Msg>();
    const st = withLabAttribute(LAB_START, 'seed', '7', errors);
    expect(st.lab).toEqual({ ...LAB_DEFAULTS, seed: 7 });
    expect(withLabAttribute(st, 'seed', null, errors).lab).toEqual(LAB_DEFAULTS);
    expect(errors.size).toBe(0);
  });
  it('keeps the last good value of a refused one, with its message until a good value comes', () => {
    const errors = new Map<string, string | Msg>();
    const st = withLabAttribute(withLabAttribute(LAB_START, 'epochs', '3', errors), 'epochs', 'many', errors);
    expect(st.base.epochs).toBe(3);
    expect(errors.get('epochs')).toBeTruthy();
    withLabAttribute(st, 'epochs', '4', errors);
    expect(errors.has('epochs')).toBe(false);
  });
  it('reads compare runs as overrides of run A, again whenever run A changes', () => {
    const errors = new Map<string, string | Msg>();
    let st = withLabAttribute(LAB_START, 'compare', 'source=random freeze=none; epochs=3', errors);
    expect(st.compareText).toBe('source=random freeze=none; epochs=3');
    expect(st.extra).toEqual([{ ...RUN_DEFAULTS, source: 'random', freeze: 'none' }, { ...RUN_DEFAULTS, epochs: 3 }]);
    st = withLabAttribute(st, 'per-class', '20', errors);
    expect(st.extra.map((r) => r.perClass)).toEqual([20, 20]);
    expect(errors.size).toBe(0);
  });
  it('keeps the runs of the last good compare when a new one is refused', () => {
    const errors = new Map<string, string | Msg>();
    const good = withLabAttribute(LAB_START, 'compare', 'epochs=3', errors);
    const st = withLabAttribute(good, 'compare', 'epochs=3; epochs=4; epochs=5', errors);
    expect(st.extra).toEqual(good.extra);
    expect(st.compareText).toBe('epochs=3');
    expect(say('en', errors.get('compare')!)).toContain('at most');
    expect(say('zh-CN', errors.get('compare')!)).toBe('compare最多再包含2次运行（用“;”分隔）；收到3次。');
  });
});
