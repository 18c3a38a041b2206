/** The build's prerender step: style attributes out to a stylesheet (the CSP refuses them), fonts to preload. */
import { describe, expect, it } from 'vitest';
import { extractStyles, katexFontsUsed } from '../../scripts/prerender';
import { renderTex } from '../../src/viz/equationsKatex';

describe('extractStyles', () => {
  it('replaces every style attribute with a numbered data-ps, one rule per distinct style, each declaration !important', () => {
    const { markup, css } = extractStyles('<span style="height:0.6em;vertical-align:-0.1em"></span><i style="height:0.6em;vertical-align:-0.1em"></i><b style="font-family:&quot;KaTeX_Main&quot;;color:red !important"></b>');
    expect(markup).toBe('<span data-ps="0"></span><i data-ps="0"></i><b data-ps="1"></b>');
    expect(css).toBe('[data-ps="0"]{height:0.6em !important;vertical-align:-0.1em !important}\n[data-ps="1"]{font-family:"KaTeX_Main" !important;color:red !important}\n');
    expect(markup).not.toContain('style=');
  });

  it('leaves text that only looks like a style alone, and refuses a style that could leave its rule', () => {
    expect(extractStyles('<p>a style=&quot;x&quot; in text</p>').markup).toBe('<p>a style=&quot;x&quot; in text</p>');
    expect(() => extractStyles('<p style="color:red}body{display:none"></p>')).toThrow(/cannot go in a stylesheet/);
  });

  it('takes every style out of KaTeX\'s output', () => {
    const html = renderTex('z_1^{[1](1)} = \\tanh\\left(\\frac{a}{b}\\right)');
    expect(html).toContain(' style="');
    expect(extractStyles(html).markup).not.toContain(' style="');
  });
});

describe('katexFontsUsed', () => {
  it('names Main and Math italic for a variable, a Size font for a \\left( of that size, and nothing without KaTeX', () => {
    const fonts = katexFontsUsed(renderTex('x = \\left(\\frac{a}{b}\\right)'));
    expect(fonts).toContain('KaTeX_Main-Regular');
    expect(fonts).toContain('KaTeX_Math-Italic');
    expect(fonts.some((f) => /^KaTeX_Size[1-4]-Regular$/.test(f))).toBe(true);
    expect(katexFontsUsed('<p class="size3">text</p>')).toEqual([]);
  });
});
