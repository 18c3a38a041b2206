// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StoreProvider } from '../../src/app/StoreProvider';
import { DEFAULT_CONFIG, createAppStore, selectSession } from '../../src/store/index';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';
import { Preparing } from '../../src/views/Preparing';
import { formatDuration, preparingPercent, timeLeftSeconds } from '../../src/views/Preparing/progress';
import { translate } from '../../src/i18n/index';
import { manualBackend } from '../fixtures/manualBackend';

function renderPreparing(init: Parameters<typeof createAppStore>[0], budget?: number) {
  const manual = manualBackend();
  const store = createAppStore(init, { trainingBackend: manual.backend, prepareWorkBudget: budget });
  const user = userEvent.setup();
  render(<StoreProvider store={store}><Preparing /></StoreProvider>);
  return { store, manual, user };
}

describe('the preparation banner', () => {
  it('shows a progress bar with its value, the time left once known, and Cancel stops at the iteration reached', async () => {
    const { store, manual, user } = renderPreparing({ iteration: 20_000 });
    expect(screen.getByText('Preparing iteration 20,000 — 0 %')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('0');
    expect(screen.getByText('Estimating the time left…')).toBeTruthy();
    // 9,000 of 20,000 in 4.5 s: 11,000 more at 2,000 a second is 5.5 s, said as "about 6 s".
    act(() => manual.report(9000, 4500));
    expect(screen.getByText('Preparing iteration 20,000 — 45 %')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('45');
    expect(screen.getByText('about 6 s left')).toBeTruthy();
    expect(screen.getByText('Cancel, a step key or Train stops it here, at iteration 9,000.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(selectSession(store.getState()).iteration).toBe(9000);
  });

  it('asks before a long way and prepares only on "Prepare it"; "Stay" keeps the page as it is', async () => {
    const heavy = { ...DEFAULT_CONFIG, data: { ...DEFAULT_DATASET_SPECS.circle, points: 5000 }, hiddenSize: 32 };
    const { store, manual, user } = renderPreparing({ config: heavy, iteration: 20_000 });
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toMatch(/This link opens at iteration 20,000\. Training there takes about 1 min 17 s\./);
    expect(manual.jobs.length).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Prepare it' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(manual.jobs.length).toBe(1);
    store.getState().stopTraining();
    store.getState().seek(20_000, 'loss');
    await user.click(await screen.findByRole('button', { name: 'Stay at iteration 0' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(manual.jobs.length).toBe(1);
  });

  it('speaks 简体中文', () => {
    renderPreparing({ iteration: 5000, locale: 'zh-CN' });
    expect(screen.getByText('正在准备第 5,000 次迭代 — 0 %')).toBeTruthy();
    expect(screen.getByRole('button', { name: '取消' })).toBeTruthy();
  });

  it('says nothing while Train runs (its own progress shows in the controls)', () => {
    const { store } = renderPreparing({});
    act(() => store.getState().train(10));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});

describe('progress arithmetic', () => {
  it('never says 100 % before the end, nor less than the whole percent done', () => {
    expect(preparingPercent(0, 20_000)).toBe(0);
    expect(preparingPercent(9_000, 20_000)).toBe(45);
    expect(preparingPercent(19_999, 20_000)).toBe(99);
    expect(preparingPercent(20_000, 20_000)).toBe(100);
  });
  it('has no estimate before the first report, then extrapolates the speed so far', () => {
    expect(timeLeftSeconds(0, 100, 0)).toBeNull();
    expect(timeLeftSeconds(25, 100, 1000)).toBe(3);
  });
  it('says durations in words a reader expects, in both languages', () => {
    const en = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('en', k, p);
    const zh = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh-CN', k, p);
    expect(formatDuration(0.3, en)).toBe('less than a second');
    expect(formatDuration(12.4, en)).toBe('about 12 s');
    expect(formatDuration(200, en)).toBe('about 3 min 20 s');
    expect(formatDuration(7500, en)).toBe('about 2 h 5 min');
    expect(formatDuration(200, zh)).toBe('约 3 分 20 秒');
  });
});
