/** Lessons in Chromium: the list, lesson 1 walked with the keyboard only, questions, links to steps, 简体中文, a phone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, PHONE, chromiumPath, launch, openPage, screenshot, seriousViolations } from './browser';
import { lessonById } from '../../src/lessons/index';
import tutorial from '../fixtures/tutorial.json';

const lesson = lessonById('one-iteration')!;
const player = (page: Page) => page.getByRole('complementary', { name: /^Lesson: |^课程：/ });
const stepTitle = (page: Page) => player(page).locator('.lesson-step-title').textContent();

describe.skipIf(!chromiumPath())('lessons in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('walks lesson 1 to the end with the keyboard, with feedback on a wrong answer and a right one', async () => {
    const { page, errors } = await openPage(browser, LAPTOP);
    await page.getByRole('button', { name: 'Lessons' }).focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('dialog', { name: 'Lessons' });
    await expect.poll(() => list.textContent()).toContain(lesson.title.en);
    await screenshot(page, 'lessons-list');
    await page.keyboard.press('Enter'); // "Start" has the focus
    await expect.poll(() => stepTitle(page)).toBe(lesson.steps[0].title.en);
    expect(await seriousViolations(page)).toEqual([]);

    const costStep = lesson.steps.findIndex((s) => s.question?.kind === 'number' && s.question.answer === 'loss@loss');
    for (let k = 1; k <= costStep; k++) {
      await page.keyboard.press('n');
      await expect.poll(() => stepTitle(page)).toBe(lesson.steps[k].title.en);
      await expect.poll(() => page.locator('.controls-status').textContent()).toContain(`Iteration ${lesson.steps[k].iteration}`);
    }
    // A wrong answer: the log without its minus sign gets the lesson's own words and the gap.
    const field = player(page).getByRole('textbox', { name: 'Your answer' });
    await field.focus();
    await page.keyboard.type('-0.69');
    await page.keyboard.press('Enter');
    const alert = player(page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('the cost has a minus sign in front');
    expect(await alert.textContent()).toContain(`the engine has ${tutorial.iteration0.cost.toFixed(4)}`);
    await screenshot(page, 'lessons-wrong');
    // The right one, typed as NumPy prints it.
    await field.fill(tutorial.iteration0.cost.toFixed(6));
    await page.keyboard.press('Enter');
    await expect.poll(() => player(page).getByRole('status').first().textContent()).toMatch(/^Right/);
    await page.keyboard.press('Tab'); // out of the field: N belongs to the lesson again
    for (let k = costStep + 1; k < lesson.steps.length; k++) {
      await page.keyboard.press('n');
      await expect.poll(() => stepTitle(page), { timeout: 30_000 }).toBe(lesson.steps[k].title.en);
    }
    await expect.poll(() => page.locator('.controls-status').textContent(), { timeout: 60_000 }).toContain('Iteration 1000');
    await screenshot(page, 'lessons-late-step');
    await page.keyboard.press('n');
    await expect.poll(() => stepTitle(page)).toBe(`You finished “${lesson.title.en}”`);
    expect(await player(page).textContent()).toContain('Right at the first try: 0 of');
    expect(await player(page).getByRole('link').count()).toBeGreaterThan(0);
    await screenshot(page, 'lessons-summary');
    // The list remembers it.
    await player(page).getByRole('button', { name: 'Pick another lesson' }).click();
    await expect.poll(() => list.textContent()).toContain('Finished');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens a step from its link, exactly there, and the address follows the lesson', async () => {
    const { page, errors } = await openPage(browser, LAPTOP, '#lesson=one-iteration&step=7');
    await expect.poll(() => stepTitle(page)).toBe(lesson.steps[6].title.en);
    await expect.poll(() => page.locator('.controls-status').textContent()).toContain('Backward: output layer');
    await page.keyboard.press('p');
    await expect.poll(() => page.url()).toContain('#lesson=one-iteration&step=6');
    await page.getByRole('button', { name: 'Go to step 2: initialize_parameters: tiny random weights' }).click();
    await expect.poll(() => page.url()).toContain('step=2');
    await page.getByRole('button', { name: 'Leave lesson' }).click();
    expect(await player(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a link to a lesson that does not exist says so and leaves the studio working', async () => {
    const { page } = await openPage(browser, LAPTOP, '#lesson=nope&step=2');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The link names a lesson this page does not have ("nope")');
    expect(await player(page).count()).toBe(0);
    await page.context().close();
  });

  it('walks a few steps in 简体中文, on a phone, as a sheet that leaves the studio visible', async () => {
    const { page, errors } = await openPage(browser, PHONE, '#lesson=one-iteration&step=3&lang=zh-CN');
    await expect.poll(() => stepTitle(page)).toBe(lesson.steps[2].title['zh-CN']);
    const sheet = await player(page).boundingBox();
    expect(sheet!.y).toBeGreaterThan(PHONE.height * 0.4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/screenshots/lessons-phone-zh.png' });
    await player(page).getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => stepTitle(page)).toBe(lesson.steps[3].title['zh-CN']);
    await player(page).getByRole('radio').nth(1).check();
    await player(page).getByRole('button', { name: '检查' }).click();
    await expect.poll(() => player(page).getByRole('status').first().textContent()).toMatch(/^正确/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/lessons-phone-zh-answered.png' });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
