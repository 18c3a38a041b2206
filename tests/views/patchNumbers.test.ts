// @vitest-environment jsdom
/**
 * Writing only an equation's numbers must leave exactly the HTML that typesetting the new TeX
 * with KaTeX gives (the reference is KaTeX itself, through patchHtml's parse).
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '../prop';
import { DEFAULT_CONFIG, createAppStore, selectSession, type StudioConfig } from '../../src/store/index';
import { parse, patchHtml } from '../../src/views/EquationPanel/patchHtml';
import { bindNumbers, patchNumbers, probeFor, skeletonOf } from '../../src/views/EquationPanel/patchNumbers';
import { buildEquations, resolveFocus, sizesOf } from '../../src/viz/equations';
import { renderTex } from '../../src/viz/equationsKatex';
import { factor, num, pnum } from '../../src/viz/equationsTex';

/** An element showing tex as the panel shows it (KaTeX's HTML patched in). */
function shown(tex: string): HTMLDivElement {
  const el = document.createElement('div');
  patchHtml(el, renderTex(tex));
  return el;
}

const typeset = (tex: string) => parse(document, renderTex(tex));

/** Every line's TeX, by phase and line position, for `iterations` iterations of a config's studio. */
function linesOf(config: StudioConfig, iterations: number, sample = 0): Map<string, string[]> {
  const store = createAppStore({ config });
  const byLine = new Map<string, string[]>();
  for (let k = 0; k < 6 * iterations; k++) {
    const session = selectSession(store.getState());
    const focus = resolveFocus(sizesOf(session), { sample, neuron: null, edge: null });
    buildEquations(session, focus).forEach((section) => section.lines.forEach((line, i) => {
      const key = `${session.phase} ${section.id} ${i}`;
      byLine.set(key, [...(byLine.get(key) ?? []), line.tex]);
    }));
    store.getState().stepForward();
  }
  return byLine;
}

describe('patchNumbers', () => {
  it('turns each line of the studio into the next iteration\'s exactly as KaTeX typesets it, and most by numbers alone', () => {
    const configs: StudioConfig[] = [
      DEFAULT_CONFIG,
      { ...DEFAULT_CONFIG, hiddenActivation: 'relu', optimizer: { kind: 'adam', lr: 0.01 } },
    ];
    let patched = 0;
    let typesetAgain = 0;
    for (const config of configs) {
      for (const [key, texts] of linesOf(config, 2, 3)) {
        for (let k = 1; k < texts.length; k++) {
          if (texts[k] === texts[k - 1]) continue; // the panel renders nothing for those
          const el = shown(texts[k - 1]);
          const binding = bindNumbers(el, texts[k - 1], renderTex);
          if (patchNumbers(binding, texts[k])) {
            patched++;
            expect(el.innerHTML, `${key}, iteration ${k - 1} → ${k}`).toBe(typeset(texts[k]).innerHTML);
          } else {
            typesetAgain++;
            // Nothing written: the element still shows the old line.
            expect(el.innerHTML).toBe(typeset(texts[k - 1]).innerHTML);
          }
        }
      }
    }
    // Not vacuous: most lines keep their shape from one iteration to the next (the others
    // change a sign, or a number's notation near 0.001).
    expect(patched).toBeGreaterThan(typesetAgain);
  }, 120_000); // KaTeX and jsdom parse a few hundred long lines: slow on a busy machine, not a timing check

  test.prop([fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 8, maxLength: 8 })])(
    'gives KaTeX\'s HTML for any numbers written into a line of the same shape',
    (v) => {
      const line = (x: number[]) =>
        `z_{1}^{[1](3)} &= ${factor(x[0])}${factor(x[1])} + ${pnum(x[2])} = ${num(x[3])} \\\\ \\frac{${num(x[4])}}{1 + e^{-${num(x[5])}}} = \\sqrt{${num(Math.abs(x[6]))}} - ${num(x[7])}`;
      const before = `\\begin{aligned}${line(v.map((x) => x / 3 + 1))}\\end{aligned}`;
      const after = `\\begin{aligned}${line(v)}\\end{aligned}`;
      const el = shown(before);
      const binding = bindNumbers(el, before, renderTex);
      const isSameShape = skeletonOf(before) === skeletonOf(after);
      expect(patchNumbers(binding, after)).toBe(isSameShape && binding !== null);
      if (isSameShape && binding) expect(el.innerHTML).toBe(typeset(after).innerHTML);
    },
  );

  it('writes nothing into a line of another shape, or with no binding', () => {
    const before = `z = ${num(0.5)} + ${num(1.25)}`;
    const el = shown(before);
    const binding = bindNumbers(el, before, renderTex);
    expect(binding).not.toBeNull();
    const html = el.innerHTML;
    expect(patchNumbers(binding, `z = ${num(-0.5)} + ${num(1.25)}`)).toBe(false);
    expect(patchNumbers(null, before)).toBe(false);
    expect(el.innerHTML).toBe(html);
  });

  it('binds no line whose digits change more than its text (a digit that sets a size)', () => {
    const tex = '\\rule{1em}{0.5em} + x_{3}';
    expect(bindNumbers(shown(tex), tex, renderTex)).toBeNull();
  });

  it('keeps an unbraced ^2 or _1 in the shape: another digit there is typeset', () => {
    const before = `\\left(${num(0.25)}\\right)^2 + x_1`;
    const el = shown(before);
    const binding = bindNumbers(el, before, renderTex);
    expect(binding).not.toBeNull();
    expect(patchNumbers(binding, `\\left(${num(0.75)}\\right)^3 + x_1`)).toBe(false);
    const after = `\\left(${num(0.75)}\\right)^2 + x_1`;
    expect(patchNumbers(binding, after)).toBe(true);
    expect(el.innerHTML).toBe(typeset(after).innerHTML);
  });

  it('binds with a probe typeset ahead (while rendering), without typesetting in the commit, and makes it once per shape', () => {
    const before = `q_{7} = ${num(0.1234)} \\cdot ${num(4.5)}`;
    const after = `q_{7} = ${num(0.5678)} \\cdot ${num(2.25)}`;
    const probe = probeFor(document, before, renderTex);
    expect(probe).not.toBeNull();
    const el = shown(before);
    const noTypesetting = () => {
      throw new Error('typeset in the commit');
    };
    const binding = bindNumbers(el, before, noTypesetting, probe);
    expect(patchNumbers(binding, after)).toBe(true);
    expect(el.innerHTML).toBe(typeset(after).innerHTML);
    // The shape's template is made: no probe needed again.
    expect(probeFor(document, after, renderTex)).toBeNull();
  });
});
