/** The speaker view's notes: one per phase, in both languages, with the real numbers (NumPy's, from the fixture). */
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../src/engine/index';
import { createAppStore } from '../../src/store/index';
import { formatValue } from '../../src/viz/color';
import { speakerNote } from '../../src/views/SpeakerNotes';
import tutorial from '../fixtures/tutorial.json';

const it0 = tutorial.iteration0;
const costAt = (iteration: number) => tutorial.run.costs.find(([k]) => k === iteration)![1];

function noteAt(iteration: number, phase: (typeof PHASES)[number], locale: 'en' | 'zh-CN' = 'en') {
  const store = createAppStore({ iteration, phase });
  return speakerNote(store.getState(), locale);
}

describe('speakerNote', () => {
  it.each([
    ['forward-hidden', [it0.Z1[0][0], it0.A1[0][0]]],
    ['forward-output', [it0.Z2[0][0], it0.A2[0][0]]],
    ['loss', [it0.cost]],
    ['backward-output', [it0.dZ2[0][0], it0.dW2[0][0]]],
    ['backward-hidden', [it0.dZ1[0][0], it0.dW1[0][0]]],
    ['update', [it0.dW2[0][0], tutorial.paramsAfterOneUpdate.W2[0][0] - tutorial.initialParams.W2[0][0]]],
  ] as const)('%s at iteration 0 says NumPy\'s numbers for sample 1, in both languages', (phase, numbers) => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const note = noteAt(0, phase, locale);
      for (const n of numbers) expect(note).toContain(formatValue(n));
      expect(note).not.toMatch(/\{\w+\}/); // every placeholder filled
    }
  });

  it('each phase has its own note, and the Chinese ones use the tutorial\'s terms', () => {
    const en = PHASES.map((p) => noteAt(0, p));
    expect(new Set(en).size).toBe(6);
    expect(noteAt(0, 'forward-hidden', 'zh-CN')).toContain('前向传播');
    expect(noteAt(0, 'backward-output', 'zh-CN')).toContain('反向传播');
    expect(noteAt(0, 'loss', 'zh-CN')).toContain('交叉熵');
    expect(noteAt(0, 'update', 'zh-CN')).toContain('学习率 0.1');
  });

  it('the loss note compares with the iteration before', () => {
    expect(noteAt(0, 'loss')).toContain('This is where training starts');
    expect(noteAt(101, 'loss')).toContain(`One iteration ago it was ${formatValue(costAt(100))}.`);
  });

  it('the update note shows the weight before and after with enough decimals to see it move, and which way', () => {
    const before = tutorial.initialParams.W2[0][0];
    const after = tutorial.paramsAfterOneUpdate.W2[0][0];
    // At the 4 decimals shown elsewhere the two look the same.
    expect(formatValue(before)).toBe(formatValue(after));
    const note = noteAt(0, 'update');
    const [, shownBefore, shownAfter] = note.match(/from (\S+) to (\S+), a step/)!;
    expect(shownBefore).not.toBe(shownAfter);
    const decimals = shownBefore.split('.')[1].length;
    expect(Number(shownBefore.replace('−', '-'))).toBeCloseTo(before, decimals);
    expect(Number(shownAfter.replace('−', '-'))).toBeCloseTo(after, decimals);
    expect(it0.dW2[0][0]).toBeGreaterThan(0);
    expect(note).toContain('the gradient is positive');
  });

  it('follows the focused sample', () => {
    const store = createAppStore({ iteration: 0, phase: 'forward-output', focusSample: 4 });
    const note = speakerNote(store.getState(), 'en');
    expect(note).toContain('sample 5');
    expect(note).toContain(formatValue(it0.A2[0][4]));
  });
});
