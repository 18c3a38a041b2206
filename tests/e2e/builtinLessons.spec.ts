/**
 * Lessons 2-5 in Chromium: each walked to the end with N, every step's numbers filled in (no "…"),
 * across their changes of data set and network (10 inputs to 2 once crashed the diagram); a
 * lesson file opened from the list, and a broken one refused with its step and field.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, chromiumPath, launch, openPage, screenshot } from './browser';
import { lessonById } from '../../src/lessons/index';
import type { Lesson } from '../../src/lessons/types';

const player = (page: Page) => page.getByRole('complementary', { name: /^Lesson: |^课程：/ });
const stepTitle = (page: Page) => player(page).locator('.lesson-step-title').textContent();
/** The step's text once every placeholder has its number (the player shows "…" until then). */
const filledText = async (page: Page) => {
  const step = player(page).locator('.lesson-step');
  return (await step.getAttribute('aria-busy')) === 'true' ? '…' : await step.innerText();
};

async function walk(page: Page, lesson: Lesson, locale: 'en' | 'zh-CN', shots: readonly number[]) {
  for (let k = 0; k < lesson.steps.length; k++) {
    if (k > 0) {
      // A learner reads before pressing N: a pause longer than a fade, so the diagram animates the
      // change (N pressed at once skips the animation, and with it the path that once crashed).
      await page.waitForTimeout(500);
      await page.keyboard.press('n');
    }
    await expect.poll(() => stepTitle(page), { timeout: 30_000 }).toBe(lesson.steps[k].title[locale]);
    await expect.poll(() => filledText(page), { timeout: 60_000 }).not.toContain('…');
    if (shots.includes(k + 1)) await screenshot(page, `lesson-${lesson.id}-${locale}-${k + 1}`);
  }
}

describe.skipIf(!chromiumPath())('lessons 2-5 in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['chain-rule', 'en', [9]],
    ['learning-rates', 'en', [4, 7]],
    ['numpy-to-pytorch', 'en', [5]],
    ['xor-hidden-layer', 'zh-CN', [8]],
  ] as const)('walks %s (%s) to the end, every number filled in', async (id, locale, shots) => {
    const lesson = lessonById(id)!;
    const { page, errors } = await openPage(browser, LAPTOP, `#lesson=${id}&step=1${locale === 'en' ? '' : '&lang=zh-CN'}`);
    await walk(page, lesson, locale, shots);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('opens a lesson file from the list; a broken one gets its step and field, and the page keeps working', async () => {
    const { page, errors } = await openPage(browser, LAPTOP);
    await page.getByRole('button', { name: 'Lessons' }).click();
    const input = page.getByLabel('Open a lesson file…');
    const example = JSON.parse(readFileSync('tests/fixtures/lessons/example-lesson.json', 'utf8')) as Lesson;
    const broken = { ...example, steps: example.steps.map((s, k) => (k === 1 ? { ...s, phase: 'backwards' } : s)) };
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect.poll(() => page.getByText('This lesson file cannot be opened').textContent())
      .toContain('step 2, field "phase" must be one of forward-hidden');
    await screenshot(page, 'lesson-file-broken');
    await input.setInputFiles('tests/fixtures/lessons/example-lesson.json');
    await walk(page, example, 'en', [2]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
