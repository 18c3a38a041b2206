import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, buildConfig, createAppStore, type StudioConfig } from '../../src/store/index';
import { PRESETS, matchPreset, type PresetId } from '../../src/store/presets';
import { toRows } from '../../src/engine/index';
import { expectWithinUlps, relativeError } from '../fixtures/compare';
import spirals from '../fixtures/three_spirals.json';

const preset = (id: PresetId): StudioConfig => PRESETS.find((p) => p.id === id)!.config;

/** Trains a fresh store n iterations and returns its curves. */
function trained(config: StudioConfig, n: number) {
  const store = createAppStore({ config });
  store.getState().train(n);
  return { curves: store.getState().timeline.curves, notice: store.getState().notice };
}

const firstIndex = (values: Float64Array, length: number, test: (v: number) => boolean) => {
  for (let i = 0; i < length; i++) if (test(values[i])) return i;
  return -1;
};

describe('presets', () => {
  it('lists the presets, in order, each with a config that builds', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['tutorial-numpy', 'tutorial-pytorch', 'xor', 'spiral', 'diverge', 'three-spirals']);
    for (const p of PRESETS) expect(() => buildConfig(p.config), p.id).not.toThrow();
  });

  it('opens the tutorial NumPy example as the default config', () => {
    expect(preset('tutorial-numpy')).toBe(DEFAULT_CONFIG);
  });

  it('builds the tutorial PyTorch example: 10-5-1, relu/linear, mse, SGD at 0.01', () => {
    const { network, dataset } = buildConfig(preset('tutorial-pytorch'));
    expect(network).toEqual({ inputSize: 10, hiddenSize: 5, outputSize: 1, hiddenActivation: 'relu', outputActivation: 'linear', loss: 'mse' });
    expect(dataset.kind).toBe('tutorial-pytorch');
    expect(preset('tutorial-pytorch').optimizer).toEqual({ kind: 'sgd', lr: 0.01 });
  });

  it('trains the PyTorch example: the loss falls below a tenth of its start in 2000 iterations', () => {
    const { curves: c, notice } = trained(preset('tutorial-pytorch'), 2000);
    expect(notice).toBeNull();
    expect(c.trainLoss[c.length - 1]).toBeLessThan(c.trainLoss[0] / 10);
  });

  it('solves XOR: test accuracy reaches 95 % within 200 iterations and stays there', () => {
    const { curves: c, notice } = trained(preset('xor'), 1000);
    expect(notice).toBeNull();
    const first = firstIndex(c.testAccuracy, c.length, (a) => a >= 0.95);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(200);
    expect(c.testAccuracy[c.length - 1]).toBeGreaterThanOrEqual(0.95);
  });

  it('solves the spiral with Adam, where SGD at the same rate crawls', () => {
    const { curves: adam } = trained(preset('spiral'), 3000);
    const first = firstIndex(adam.testAccuracy, adam.length, (a) => a >= 0.95);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1500);
    expect(adam.trainLoss[adam.length - 1]).toBeLessThan(0.05);

    const spiral = preset('spiral');
    const { curves: sgd } = trained({ ...spiral, optimizer: { kind: 'sgd', lr: spiral.optimizer.lr } }, 3000);
    expect(sgd.trainLoss[sgd.length - 1]).toBeGreaterThan(0.6);
    expect(sgd.testAccuracy[sgd.length - 1]).toBeLessThan(0.75);
  });

  it('diverges with too high a learning rate: the loss is not finite within 20 iterations', () => {
    const { curves: c } = trained(preset('diverge'), 50);
    const first = firstIndex(c.trainLoss, c.length, (v) => !Number.isFinite(v));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(20);
    // Before that, each step makes it worse: the loss grows from the start.
    expect(c.trainLoss[3]).toBeGreaterThan(c.trainLoss[0] * 10);
  });

  it('three spirals (softmax) is cs231n\'s recipe: 2-100-3 relu/softmax/ce, 225/75 split, seed-1 init, SGD 1.0 with weight decay 1e-3', () => {
    const { network, dataset, initialParams } = buildConfig(preset('three-spirals'));
    expect(network).toEqual(spirals.config);
    expect([dataset.kind, dataset.task, dataset.train.X.cols, dataset.test.X.cols]).toEqual(['three-spirals', 'multiclass', 225, 75]);
    expect(preset('three-spirals').optimizer).toEqual(spirals.optimizer);
    for (const k of ['W1', 'b1', 'W2', 'b2'] as const) expectWithinUlps(toRows(initialParams[k]), spirals.initialParams[k], 1, k);
  });

  it('trains three spirals as NumPy does (three_spirals.json): the store\'s costs to 1e-10 through 1,000, 95 % by 2,000', () => {
    const { curves: c, notice } = trained(preset('three-spirals'), 2001);
    expect(notice).toBeNull();
    let worst = 0;
    for (let i = 0; i <= 1000; i++) worst = Math.max(worst, relativeError(c.trainLoss[i], spirals.costs[i]));
    expect(worst).toBeLessThanOrEqual(1e-10);
    const at2000 = spirals.checkpoints.find((k) => k.iteration === 2000)!;
    expect(c.trainAccuracy[2000]).toBeGreaterThanOrEqual(0.95);
    expect(Math.abs(c.trainAccuracy[2000] - at2000.trainAccuracy)).toBeLessThanOrEqual(0.04);
    expect(Math.abs(c.testAccuracy[2000] - at2000.testAccuracy)).toBeLessThanOrEqual(0.04);
  });

  it('tells which preset a config is, and null after any change', () => {
    for (const p of PRESETS) expect(matchPreset(p.config)).toBe(p.id);
    expect(matchPreset({ ...DEFAULT_CONFIG, hiddenSize: 5 })).toBeNull();
    expect(matchPreset({ ...preset('xor'), optimizer: { kind: 'sgd', lr: 1, momentum: undefined } })).toBe('xor');
    expect(matchPreset({ ...preset('xor'), optimizer: { kind: 'sgd', lr: 1, momentum: 0.5 } })).toBeNull();
  });

  it('applies through setConfig like any other change', () => {
    const store = createAppStore();
    expect(store.getState().setConfig(preset('spiral'))).toBe(true);
    expect(store.getState().config).toEqual(preset('spiral'));
    expect(store.getState().built.network.hiddenSize).toBe(16);
  });
});
