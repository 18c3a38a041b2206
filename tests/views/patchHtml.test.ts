// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fc, test } from '../prop';
import { parse, patchHtml } from '../../src/views/EquationPanel/patchHtml';
import { renderTex } from '../../src/viz/equationsKatex';

const fresh = (html: string) => parse(document, html);

/** Small HTML fragments: nested spans/b/i with classes, styles and text, like KaTeX's output. */
const fragment: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('0.6931', '−0.0042', 'x', '=', ''),
    fc.record({
      tag: fc.constantFrom('span', 'b', 'i'),
      cls: fc.constantFrom('', 'mord', 'mbin', 'vlist'),
      style: fc.constantFrom('', 'height:1em', 'top:-2.5em'),
      children: fc.array(tie('node'), { maxLength: 3 }),
    }).map(({ tag, cls, style, children }) =>
      `<${tag}${cls ? ` class="${cls}"` : ''}${style ? ` style="${style}"` : ''}>${(children as string[]).join('')}</${tag}>`),
  ),
})).node as fc.Arbitrary<string>;

describe('patchHtml', () => {
  test.prop([fc.array(fragment, { maxLength: 4 }), fc.array(fragment, { maxLength: 4 })])(
    'leaves the element exactly as a fresh parse of the new HTML',
    (before, after) => {
      const el = fresh(before.join(''));
      patchHtml(el, after.join(''));
      expect(el.isEqualNode(fresh(after.join('')))).toBe(true);
    },
  );

  it('keeps the nodes of an equation whose numbers alone changed', () => {
    const el = fresh(renderTex('z = (0.0042)(1.6243) + 0 = 0.0068'));
    const spans = el.querySelectorAll('span').length;
    const first = el.firstElementChild;
    patchHtml(el, renderTex('z = (0.0051)(1.6243) + 0 = 0.0083'));
    expect(el.firstElementChild).toBe(first);
    expect(el.querySelectorAll('span').length).toBe(spans);
    expect(el.isEqualNode(fresh(renderTex('z = (0.0051)(1.6243) + 0 = 0.0083')))).toBe(true);
  });

  it('applies KaTeX\'s styles through the CSSOM, never as parsed or set style attributes (the CSP allows only the former)', () => {
    const html = renderTex('\\frac{\\partial L}{\\partial W} = 0.5000');
    expect(html).toMatch(/ style="[^"]*height:/);
    const setAttribute = vi.spyOn(Element.prototype, 'setAttribute');
    const el = fresh(renderTex('\\frac{a}{b} = 0.2500'));
    patchHtml(el, html);
    expect(setAttribute.mock.calls.filter(([name]) => name === 'style' || name === 'data-style')).toEqual([]);
    setAttribute.mockRestore();
    expect(el.querySelector('[data-style]')).toBeNull();
    const struts = [...el.querySelectorAll<HTMLElement>('.katex-strut, .pstrut')];
    expect(struts.length).toBeGreaterThan(0);
    expect(struts.every((s) => /em$/.test(s.style.height))).toBe(true);
  });
});
