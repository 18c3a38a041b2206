// @vitest-environment jsdom
/**
 * Giving the prerender's styles back once React owns the page (src/app/hydrate.ts): the elements
 * React renders take theirs back as inline styles, from the build's own stylesheet only; KaTeX's
 * spans keep the attribute (their rule still styles them), since only patchHtml ever writes there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PRERENDER_SHEET_ATTRIBUTE, PRERENDER_STYLE_ATTRIBUTE, restorePrerenderedStyles } from '../../src/app/hydrate';

function sheet(css: string, isPrerender: boolean) {
  const style = document.createElement('style');
  if (isPrerender) style.setAttribute(PRERENDER_SHEET_ATTRIBUTE, '');
  style.textContent = css;
  document.head.appendChild(style);
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('restorePrerenderedStyles', () => {
  it("restores React's elements from the build's sheet and leaves KaTeX's spans to their rule", () => {
    sheet('[data-ps="0"]{color: rgb(84, 39, 136) !important}[data-ps="1"]{height: 0.8em !important; vertical-align: -0.2em !important}', true);
    // A later sheet with a rule of the same form must not be read: it is not the build's.
    sheet('[data-ps="0"]{color: red !important}', false);
    document.body.innerHTML = `<div id="root">
      <svg><circle id="neuron" ${PRERENDER_STYLE_ATTRIBUTE}="0"></circle></svg>
      <span class="katex"><span class="base"><span id="strut" ${PRERENDER_STYLE_ATTRIBUTE}="1"></span></span></span>
    </div>`;
    restorePrerenderedStyles(document.getElementById('root')!);
    const neuron = document.getElementById('neuron')!;
    expect(neuron.style.getPropertyValue('color')).toBe('rgb(84, 39, 136)');
    expect(neuron.hasAttribute(PRERENDER_STYLE_ATTRIBUTE)).toBe(false);
    const strut = document.getElementById('strut')!;
    expect(strut.getAttribute(PRERENDER_STYLE_ATTRIBUTE)).toBe('1');
    expect(strut.getAttribute('style')).toBeNull();
  });
});
