import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../src/viz/wrapText';

describe('wrapText', () => {
  it('keeps a short line whole and breaks a long one at spaces, every line within the width', () => {
    expect(wrapText('Edges: colour = sign', 400, 14)).toEqual(['Edges: colour = sign']);
    const text = 'Edges: colour = sign, width = |W1|, |W2|; neurons: colour = x, A1, A2 (each scaled to its matrix’s largest |value|)';
    const lines = wrapText(text, 260, 14);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(260);
  });

  it('breaks Chinese between characters, which a whole em each keeps inside the width', () => {
    const text = '边：颜色表示符号，宽度表示 |W1|、|W2|；神经元：颜色表示 x、A1、A2（各自按其矩阵的最大 |值| 缩放）';
    const lines = wrapText(text, 150, 15);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    for (const line of lines) expect(textWidth(line, 15)).toBeLessThanOrEqual(150);
    expect(textWidth('神经元', 10)).toBe(30);
  });

  it('cuts a word longer than a line', () => {
    const lines = wrapText('x'.repeat(50), 100, 10, true);
    expect(lines.join('')).toBe('x'.repeat(50));
    for (const line of lines) expect(textWidth(line, 10, true)).toBeLessThanOrEqual(100);
  });
});
