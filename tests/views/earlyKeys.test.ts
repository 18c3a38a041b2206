// @vitest-environment jsdom
/**
 * The keys pressed before the app listens (src/views/Controls/earlyKeys.ts): kept in order from
 * boot.ts on, handed over once, and no longer kept after that.
 */
import { describe, expect, it } from 'vitest';
import { keepEarlyKeys, takeEarlyKeys } from '../../src/views/Controls/earlyKeys';

const press = (key: string) => document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

describe('early keys', () => {
  it('keeps the keys pressed until taken, in order, then keeps no more', () => {
    expect(takeEarlyKeys(window)).toEqual([]);
    keepEarlyKeys(window);
    press('ArrowRight');
    press('PageDown');
    expect(takeEarlyKeys(window).map((e) => e.key)).toEqual(['ArrowRight', 'PageDown']);
    press('ArrowLeft');
    expect(takeEarlyKeys(window)).toEqual([]);
  });
});
