// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RaceView } from '../../src/views/RaceView';
import { StoreProvider } from '../../src/app/StoreProvider';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';
import { DEFAULT_CONFIG, createAppStore, selectIteration, selectPhase, type StudioConfig } from '../../src/store/index';
import { runJob, type TrainingBackend, type TrainingJob, type TrainingProgress } from '../../src/store/training';
import { renderWithStore } from './render';

const spiral: StudioConfig = {
  ...DEFAULT_CONFIG, data: { ...DEFAULT_DATASET_SPECS.spiral }, hiddenSize: 16, init: { scheme: 'xavier', scale: 0.01, seed: 1 },
};

/** A loss as the table shows it: 4 decimals in the usual range (independent of the view's formatter). */
const loss4 = (v: number) => v.toFixed(4);
const pct1 = (v: number) => `${(v * 100).toFixed(1)}%`;

async function replace(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text) await user.type(input, text);
}

/** The text of the elements an element's aria-describedby names. */
const describedBy = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');

/** Lane k's group, its learning-rate box and its optimizer menu. */
function lane(k: number) {
  const group = screen.getByRole('group', { name: `Lane ${k}` });
  return {
    group,
    lr: within(group).getByRole('textbox', { name: 'Learning rate' }),
    optimizer: within(group).getByRole('combobox', { name: 'Optimizer' }),
  };
}

async function raceOnSpiral(iterations: number) {
  const r = renderWithStore(<RaceView />, { config: spiral });
  await replace(r.user, lane(2).lr, '0.02');
  await replace(r.user, screen.getByRole('textbox', { name: 'Iterations' }), String(iterations));
  await r.user.click(screen.getByRole('button', { name: 'Start race' }));
  return r;
}

describe('RaceView', () => {
  it('starts with two lanes, the studio’s optimizer against Adam at 0.01, and no race', () => {
    renderWithStore(<RaceView />);
    expect((lane(1).optimizer as HTMLSelectElement).value).toBe('sgd');
    expect((lane(1).lr as HTMLInputElement).value).toBe('0.1');
    expect((lane(2).optimizer as HTMLSelectElement).value).toBe('adam');
    expect((lane(2).lr as HTMLInputElement).value).toBe('0.01');
    // Adam's key hyperparameters, at PyTorch's defaults, with the defaults named.
    expect((within(lane(2).group).getByRole('textbox', { name: 'β1' }) as HTMLInputElement).value).toBe('0.9');
    expect((within(lane(2).group).getByRole('textbox', { name: 'β2' }) as HTMLInputElement).value).toBe('0.999');
    expect(within(lane(2).group).getByText('PyTorch default 0.001')).toBeTruthy();
    expect(screen.getByText('No race yet: set up the lanes and press "Start race".').getAttribute('role')).toBe('status');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('button', { name: 'Stop race' })).toHaveProperty('disabled', true);
  });

  it('a race of SGD vs Adam on the spiral: both curves, and the table holds each lane’s last values', async () => {
    const { store } = await raceOnSpiral(300);
    const race = store.getState().race!;
    expect(race.lanes.map((l) => [l.optimizer.kind, l.outcome, l.curves.length])).toEqual([['sgd', 'finished', 300], ['adam', 'finished', 300]]);

    const names = ['SGD, lr 0.1', 'Adam, lr 0.02'];
    names.forEach((name, k) => {
      const c = race.lanes[k].curves;
      const row = screen.getByRole('rowheader', { name }).closest('tr')!;
      const cells = within(row).getAllByRole('cell').map((td) => td.textContent);
      expect(cells[0]).toBe('Finished');
      expect(cells.slice(1, 5)).toEqual([loss4(c.trainLoss[299]), loss4(c.testLoss[299]), pct1(c.trainAccuracy[299]), pct1(c.testAccuracy[299])]);
      // Both lines are drawn.
      expect(screen.getByTestId(`race-line-${k}`).getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    });
    const [sgd, adam] = race.lanes.map((l) => l.curves.trainLoss[299]);
    expect(adam).toBeLessThan(sgd);
    expect(screen.getByRole('img', { name: `Loss of 2 optimizers over 300 iterations; lowest final train loss: Adam, lr 0.02 (${loss4(adam)})` })).toBeTruthy();
    expect(screen.getByText(`Race over. Lowest final train loss: Adam, lr 0.02 (${loss4(adam)}).`)).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Final train loss' })).toBeTruthy();
  });

  it('the target column is the first iteration whose train loss is at or below the target', async () => {
    const { store, user } = await raceOnSpiral(300);
    const race = store.getState().race!;
    const target = 0.6;
    await replace(user, screen.getByRole('textbox', { name: 'Target: train loss ≤' }), String(target));
    const header = screen.getByRole('columnheader', { name: `First iteration with train loss ≤ ${target}` });
    const column = [...header.parentElement!.children].indexOf(header);
    race.lanes.forEach((l, k) => {
      let first = -1;
      for (let i = 0; i < l.curves.length && first < 0; i++) if (l.curves.trainLoss[i] <= target) first = i;
      const row = screen.getAllByRole('row')[k + 1];
      const text = row.children[column].textContent;
      expect(text).toBe(first < 0 ? 'not reached' : String(first));
    });
    // Adam reaches it, plain SGD does not in 300 iterations.
    expect(screen.getAllByRole('row')[1].children[column].textContent).toBe('not reached');
    expect(screen.getAllByRole('row')[2].children[column].textContent).toMatch(/^\d+$/);
  });

  it('"Open … in the studio" puts that lane’s optimizer in the config and the cursor at the chosen iteration', async () => {
    const { store, user } = await raceOnSpiral(300);
    await user.click(screen.getByRole('button', { name: 'Open Adam, lr 0.02 in the studio' }));
    const state = store.getState();
    expect(state.config.optimizer).toEqual({ kind: 'adam', lr: 0.02, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(state.config.data).toEqual(spiral.data);
    expect([selectIteration(state), selectPhase(state)]).toEqual([299, 'forward-hidden']);
    expect(screen.getByText('Opened Adam, lr 0.02 at iteration 299 in the studio.')).toBeTruthy();

    await replace(user, screen.getByRole('textbox', { name: 'Open at iteration' }), '120');
    await user.click(screen.getByRole('button', { name: 'Open SGD, lr 0.1 in the studio' }));
    expect(store.getState().config.optimizer).toEqual({ kind: 'sgd', lr: 0.1 });
    expect(selectIteration(store.getState())).toBe(120);

    await replace(user, screen.getByRole('textbox', { name: 'Open at iteration' }), '300');
    await user.click(screen.getByRole('button', { name: 'Open Adam, lr 0.02 in the studio' }));
    expect(screen.getByText('The iteration to open must be a whole number from 0 to 299 (got "300").')).toBeTruthy();
    expect(store.getState().config.optimizer).toEqual({ kind: 'sgd', lr: 0.1 });
  });

  it('invalid inputs say what is wrong, next to the field, and do not start a race', async () => {
    const { store, user } = renderWithStore(<RaceView />);
    await replace(user, lane(2).lr, 'abc');
    await replace(user, within(lane(2).group).getByRole('textbox', { name: 'β2' }), '1');
    await replace(user, screen.getByRole('textbox', { name: 'Iterations' }), '1.5');
    await replace(user, screen.getByRole('textbox', { name: 'Target: train loss ≤' }), '0');
    await user.click(screen.getByRole('button', { name: 'Start race' }));
    expect(store.getState().race).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('The race did not start: 4 marked fields need fixing.');
    expect(lane(2).lr.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(lane(2).lr)).toContain('Learning rate in lane 2 must be a number (got "abc").');
    expect(screen.getByText('β2 in lane 2 must be at least 0 and below 1 (got 1).')).toBeTruthy();
    expect(screen.getByText('Iterations must be a whole number from 1 to 100000 (got "1.5").')).toBeTruthy();
    expect(screen.getByText('The target must be a train loss above 0 (got "0").')).toBeTruthy();
    // Focus goes to the first field to fix.
    expect(document.activeElement).toBe(lane(2).lr);

    await replace(user, lane(1).lr, '');
    expect(screen.getByText('Learning rate in lane 1 is empty: type a number.')).toBeTruthy();
  });

  it('two identical lanes are refused, naming both', async () => {
    const { store, user } = renderWithStore(<RaceView />);
    await user.selectOptions(lane(2).optimizer, 'sgd');
    await replace(user, lane(2).lr, '0.1');
    await user.click(screen.getByRole('button', { name: 'Start race' }));
    expect(store.getState().race).toBeNull();
    expect(screen.getByText('Lane 2 is the same as lane 1: change its optimizer or one of its numbers.')).toBeTruthy();
  });

  it('adding and removing lanes keeps 2 to 4', async () => {
    const { store, user } = renderWithStore(<RaceView />);
    const add = screen.getByRole('button', { name: 'Add a lane' });
    expect(screen.getByRole('button', { name: 'Remove lane 1' })).toHaveProperty('disabled', true);
    await user.click(add);
    await user.click(add);
    expect(screen.getAllByRole('group', { name: /^Lane \d$/ })).toHaveLength(4);
    expect(add).toHaveProperty('disabled', true);
    // The copy starts as the lane above it; make lanes 3 and 4 differ.
    await user.selectOptions(lane(3).optimizer, 'rmsprop');
    await user.selectOptions(lane(4).optimizer, 'momentum');
    expect((within(lane(3).group).getByRole('textbox', { name: 'α' }) as HTMLInputElement).value).toBe('0.99');
    expect((within(lane(4).group).getByRole('textbox', { name: 'Momentum' }) as HTMLInputElement).value).toBe('0.9');
    await user.click(screen.getByRole('button', { name: 'Remove lane 1' }));
    expect(screen.getAllByRole('group', { name: /^Lane \d$/ })).toHaveLength(3);
    expect((lane(1).optimizer as HTMLSelectElement).value).toBe('adam');
    await replace(user, screen.getByRole('textbox', { name: 'Iterations' }), '20');
    await user.click(screen.getByRole('button', { name: 'Start race' }));
    expect(store.getState().race!.lanes.map((l) => l.optimizer)).toEqual([
      { kind: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
      { kind: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0 },
      { kind: 'sgd', lr: 0.01, momentum: 0.9 },
    ]);
    expect(screen.getByRole('rowheader', { name: 'SGD with momentum, lr 0.01' })).toBeTruthy();
  });

  it('says when the studio’s data changed after the race, and re-runs on the new data', async () => {
    const { store, user } = await raceOnSpiral(50);
    act(() => { store.getState().setConfig({ data: { ...DEFAULT_DATASET_SPECS.circle } }); });
    expect(screen.getByText('This race ran on the spiral data; the studio now shows the circle data.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Re-run with the current settings' }));
    expect(store.getState().race!.config.data.kind).toBe('circle');
    expect(screen.queryByText(/This race ran on/)).toBeNull();
  });

  it('flags a diverged lane with its iteration; regression has no accuracy', async () => {
    const pytorch: StudioConfig = {
      ...DEFAULT_CONFIG, data: { ...DEFAULT_DATASET_SPECS['tutorial-pytorch'] }, hiddenSize: 5, hiddenActivation: 'relu',
      outputActivation: 'linear', loss: 'mse', init: { scheme: 'he', scale: 0.01, seed: 1 }, optimizer: { kind: 'sgd', lr: 1 },
    };
    const { store, user } = renderWithStore(<RaceView />, { config: pytorch });
    await replace(user, screen.getByRole('textbox', { name: 'Iterations' }), '100');
    await user.click(screen.getByRole('button', { name: 'Start race' }));
    const race = store.getState().race!;
    expect(race.lanes[0].outcome).toBe('diverged');
    const last = race.lanes[0].curves.length - 1;
    const sgdRow = screen.getByRole('rowheader', { name: 'SGD, lr 1' }).closest('tr')!;
    expect(within(sgdRow).getAllByRole('cell')[0].textContent).toBe(`⚠ Diverged at iteration ${last}`);
    expect(Number.isFinite(race.lanes[0].curves.trainLoss[last])).toBe(false);
    const adamRow = screen.getByRole('rowheader', { name: 'Adam, lr 0.01' }).closest('tr')!;
    expect(within(adamRow).getAllByRole('cell').slice(3, 5).map((c) => c.textContent)).toEqual(['—', '—']);
  });

  it('shows each lane’s progress while running, and Stop race stops every lane', async () => {
    // A backend that runs a job only when the test says so, 40 iterations at a time.
    const jobs: { job: TrainingJob; run: Generator<TrainingProgress, unknown, boolean | undefined>; report: (p: TrainingProgress) => void; done: (id: number, o: 'stopped') => void; stopped: boolean }[] = [];
    const backend: TrainingBackend = {
      start(job, onProgress, onDone) {
        const entry = { job, run: runJob(job, () => 40), report: onProgress, done: onDone as (id: number, o: 'stopped') => void, stopped: false };
        jobs.push(entry);
        return () => { entry.stopped = true; };
      },
    };
    const store = createAppStore({}, { trainingBackend: backend });
    const user = userEvent.setup();
    render(<StoreProvider store={store}><RaceView /></StoreProvider>);
    await user.click(screen.getByRole('button', { name: 'Start race' }));
    act(() => jobs.forEach((j) => j.report(j.run.next().value as TrainingProgress)));
    expect(screen.getByRole('progressbar', { name: 'Progress of SGD, lr 0.1' }).getAttribute('value')).toBe('40');
    expect(screen.getAllByText('40 / 1,000')).toHaveLength(2);
    expect(screen.getByText('Racing 2 optimizers over 1,000 iterations…')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Stop race' }));
    expect(jobs.every((j) => j.stopped)).toBe(true);
    act(() => jobs.forEach((j) => j.done(j.job.id, 'stopped')));
    expect(screen.getAllByText('Stopped after 40 iterations')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Stop race' })).toHaveProperty('disabled', true);
  });
});
