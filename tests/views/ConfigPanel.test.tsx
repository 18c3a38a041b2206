// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';
import { DEFAULT_CONFIG, type AppStore, type StudioConfig } from '../../src/store/index';
import { PRESETS } from '../../src/store/presets';
import { ConfigPanel } from '../../src/views/ConfigPanel';
import { lrToSlider, parseNumber, sliderToLr } from '../../src/views/ConfigPanel/numbers';
import { renderWithStore } from './render';

const config = (store: AppStore) => store.getState().config;
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;
const describedText = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');

/** Types `text` into the labelled field, replacing what was there, and presses Enter. */
async function enter(user: ReturnType<typeof renderWithStore>['user'], label: string, text: string) {
  const input = field(label);
  await user.clear(input);
  await user.type(input, `${text}{Enter}`);
  return input;
}

describe('ConfigPanel', () => {
  it('is a panel titled Setup with Presets, Data, Network and Training groups', () => {
    renderWithStore(<ConfigPanel />);
    expect(screen.getByRole('heading', { level: 2, name: 'Setup' })).toBeTruthy();
    for (const name of ['Presets', 'Data', 'Network', 'Training']) expect(screen.getByRole('group', { name })).toBeTruthy();
  });

  it('describes every control in a sentence (its accessible description)', () => {
    renderWithStore(<ConfigPanel />);
    const controls = [...screen.getAllByRole('textbox'), ...screen.getAllByRole('combobox'), ...screen.getAllByRole('button'), screen.getByRole('slider')];
    expect(controls.length).toBeGreaterThan(12);
    for (const control of controls) {
      const text = describedText(control);
      expect(text, control.getAttribute('id') ?? control.textContent ?? '').toMatch(/\w.*\./);
    }
    expect(describedText(field('Hidden neurons'))).toContain('from 1 to 100');
  });

  it('applies each data field to the store, and locks the fixed tutorial data', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    expect(field('Points').disabled).toBe(true);
    expect(screen.getByText(/data is fixed/)).toBeTruthy();

    await user.selectOptions(select('Data set'), 'moons');
    expect(config(store).data).toEqual(DEFAULT_DATASET_SPECS.moons);
    expect(field('Points').disabled).toBe(false);
    await enter(user, 'Points', '200');
    await enter(user, 'Noise', '0.3');
    await enter(user, 'Train fraction', '0.5');
    await enter(user, 'Data seed', '7');
    expect(config(store).data).toEqual({ kind: 'moons', points: 200, noise: 0.3, trainFraction: 0.5, seed: 7 });
    expect(store.getState().built.dataset.train.X.cols).toBe(100);
    expect(screen.getByText('Inputs 2 · training samples 100 · test samples 100')).toBeTruthy();
  });

  it('refuses bad numbers with a specific message beside the field, and leaves the config alone', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    await user.selectOptions(select('Data set'), 'circle');
    const before = config(store);

    const points = await enter(user, 'Points', '3');
    expect(points.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(points)).toContain('Points must be from 10 to 5000 (got 3).');
    expect(screen.getByRole('alert').textContent).toBe('Points must be from 10 to 5000 (got 3).');
    expect(config(store)).toBe(before);

    await enter(user, 'Points', 'many');
    expect(screen.getByRole('alert').textContent).toBe('Points: "many" is not a number.');
    await enter(user, 'Points', '12.5');
    expect(screen.getByRole('alert').textContent).toBe('Points must be a whole number (got 12.5).');
    expect(config(store)).toBe(before);

    await user.keyboard('{Escape}');
    expect(points.value).toBe('400');
    expect(points.getAttribute('aria-invalid')).toBeNull();

    await enter(user, 'Train fraction', '1');
    expect(screen.getByRole('alert').textContent).toBe('Train fraction must be between 0 and 1, not equal to either (got 1).');
    await enter(user, 'Train fraction', '0.001');
    expect(screen.getByRole('alert').textContent).toBe('A train fraction of 0.001 with 400 points leaves the training or the test set empty.');
    await enter(user, 'Hidden neurons', '101');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Hidden neurons must be from 1 to 100 (got 101).');
    expect(config(store)).toBe(before);
  });

  it('commits on blur too, and does nothing when the value did not change', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    const before = config(store);
    await user.click(field('Hidden neurons'));
    await user.tab();
    expect(config(store)).toBe(before);
    await user.clear(field('Hidden neurons'));
    await user.type(field('Hidden neurons'), '7');
    await user.tab();
    expect(config(store).hiddenSize).toBe(7);
    expect(store.getState().built.network.hiddenSize).toBe(7);
  });

  it('switches loss and output with the PyTorch regression data, and says so', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    await user.selectOptions(select('Data set'), 'tutorial-pytorch');
    expect(config(store)).toMatchObject({ loss: 'mse', outputActivation: 'linear', data: DEFAULT_DATASET_SPECS['tutorial-pytorch'] });
    expect(screen.getByRole('status').textContent).toBe('Its targets are real numbers, so the loss switched to MSE and the output to linear.');
    const bce = within(select('Loss')).getByRole('option', { name: 'Cross-entropy (BCE) — needs 0/1 labels' }) as HTMLOptionElement;
    expect(bce.disabled).toBe(true);
    expect(describedText(select('Loss'))).toContain("this data set's targets are real numbers");

    await user.selectOptions(select('Data set'), 'xor');
    expect(config(store)).toMatchObject({ loss: 'bce', outputActivation: 'sigmoid' });
    expect(screen.getByRole('status').textContent).toContain('loss switched to cross-entropy');
    await enter(user, 'Hidden neurons', '6');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('explains why non-sigmoid outputs are off with cross-entropy, and brings sigmoid back with it', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    const outputs = within(select('Output activation')).getAllByRole('option') as HTMLOptionElement[];
    expect(outputs.filter((o) => o.disabled).map((o) => o.value).sort()).toEqual(['linear', 'relu', 'softmax', 'tanh']);
    expect(outputs.find((o) => o.value === 'linear')!.textContent).toBe('linear (identity) — needs MSE');
    expect(outputs.find((o) => o.value === 'softmax')!.textContent).toBe('softmax — needs categorical cross-entropy');
    expect(describedText(select('Output activation'))).toContain('Cross-entropy needs outputs between 0 and 1: choose sigmoid, or use MSE.');

    await user.selectOptions(select('Loss'), 'mse');
    expect(config(store).loss).toBe('mse');
    await user.selectOptions(select('Output activation'), 'linear');
    expect(config(store).outputActivation).toBe('linear');
    await user.selectOptions(select('Hidden activation'), 'relu');
    expect(config(store).hiddenActivation).toBe('relu');

    await user.selectOptions(select('Loss'), 'bce');
    expect(config(store)).toMatchObject({ loss: 'bce', outputActivation: 'sigmoid' });
    expect(screen.getByRole('status').textContent).toBe('Output switched to sigmoid: cross-entropy needs outputs between 0 and 1.');
  });

  it('three classes bring softmax and categorical cross-entropy with them, and 0/1 labels take them back', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    const values = (label: string) => (within(select(label)).getAllByRole('option') as HTMLOptionElement[]).map((o) => o.value);
    expect(values('Hidden activation')).not.toContain('softmax');
    await user.selectOptions(select('Data set'), 'three-spirals');
    expect(config(store)).toMatchObject({ loss: 'ce', outputActivation: 'softmax', data: DEFAULT_DATASET_SPECS['three-spirals'] });
    expect(store.getState().built.network.outputSize).toBe(3);
    expect(screen.getByRole('status').textContent).toBe(
      'Its labels are classes 0, 1, 2, …, so the loss switched to categorical cross-entropy and the output to softmax.',
    );
    const losses = within(select('Loss')).getAllByRole('option') as HTMLOptionElement[];
    expect(losses.map((o) => [o.value, o.disabled, o.textContent])).toEqual([
      ['bce', true, 'Cross-entropy (BCE) — not for 3 classes'],
      ['mse', true, 'Mean squared error (MSE) — not for 3 classes'],
      ['ce', false, 'Categorical cross-entropy (softmax)'],
    ]);
    const outputs = within(select('Output activation')).getAllByRole('option') as HTMLOptionElement[];
    expect(outputs.filter((o) => !o.disabled).map((o) => o.value)).toEqual(['softmax']);
    expect(outputs.find((o) => o.value === 'tanh')!.textContent).toBe('tanh — not with categorical cross-entropy');
    expect(describedText(select('Output activation'))).toContain('its 3 outputs are probabilities that add up to 1');
    expect(describedText(select('Loss'))).toContain('This data set has 3 classes');

    await user.selectOptions(select('Data set'), 'moons');
    expect(config(store)).toMatchObject({ loss: 'bce', outputActivation: 'sigmoid' });
    expect(screen.getByRole('status').textContent).toBe('Its labels are 0 or 1, so the loss switched to cross-entropy and the output to sigmoid.');
    const ce = within(select('Loss')).getByRole('option', { name: 'Categorical cross-entropy (softmax) — needs class labels 0, 1, 2, …' }) as HTMLOptionElement;
    expect(ce.disabled).toBe(true);
  });

  it('sets the initialisation scheme, scale and seed', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    await enter(user, 'Scale', '0.5');
    expect(config(store).init).toEqual({ scheme: 'tutorial', scale: 0.5, seed: 2 });
    await enter(user, 'Initialisation seed', '9');
    await user.selectOptions(select('Initialisation'), 'he');
    expect(config(store).init).toEqual({ scheme: 'he', scale: 0.5, seed: 9 });
    expect(screen.queryByLabelText('Scale')).toBeNull();
    // He: randn · √(2/fan_in) with fan_in = 2 inputs, from seed 9.
    const W1 = store.getState().built.initialParams.W1.data;
    expect(Math.max(...W1.map(Math.abs))).toBeGreaterThan(0.1);
  });

  it('switches optimizer, keeps the learning rate, and shows PyTorch defaults beside each hyperparameter', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    await user.selectOptions(select('Optimizer'), 'adam');
    expect(config(store).optimizer).toEqual({ kind: 'adam', lr: 0.1 });
    expect(field('β1').value).toBe('0.9');
    expect(describedText(field('β2'))).toContain('PyTorch default 0.999');
    expect(describedText(field('Learning rate'))).toContain('PyTorch default 0.001');
    await enter(user, 'β2', '0.99');
    expect(config(store).optimizer).toEqual({ kind: 'adam', lr: 0.1, beta2: 0.99 });
    await enter(user, 'β1', '1');
    expect(screen.getByRole('alert').textContent).toBe('β1 must be at least 0 and less than 1 (got 1).');
    await enter(user, 'ε', '0');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('ε must be greater than 0 (got 0).');
    expect(config(store).optimizer).toEqual({ kind: 'adam', lr: 0.1, beta2: 0.99 });

    await user.selectOptions(select('Optimizer'), 'rmsprop');
    expect(config(store).optimizer).toEqual({ kind: 'rmsprop', lr: 0.1 });
    expect(describedText(field('Smoothing α'))).toContain('PyTorch default 0.99');
    await enter(user, 'Smoothing α', '0.9');
    await enter(user, 'Momentum', '0.5');
    expect(config(store).optimizer).toEqual({ kind: 'rmsprop', lr: 0.1, alpha: 0.9, momentum: 0.5 });

    await user.selectOptions(select('Optimizer'), 'momentum');
    expect(config(store).optimizer).toEqual({ kind: 'sgd', lr: 0.1, momentum: 0.9 });
    await enter(user, 'Weight decay (L2)', '0.001');
    expect(config(store).optimizer).toEqual({ kind: 'sgd', lr: 0.1, momentum: 0.9, weightDecay: 0.001 });
    await user.selectOptions(select('Optimizer'), 'sgd');
    expect(config(store).optimizer).toEqual({ kind: 'sgd', lr: 0.1, weightDecay: 0.001 });
    expect(screen.queryByLabelText('Momentum')).toBeNull();
  });

  it('keeps the log slider and the exact learning-rate field in sync', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    const slider = screen.getByRole('slider', { name: 'Learning rate, log scale' }) as HTMLInputElement;
    expect([slider.min, slider.max, slider.value, slider.getAttribute('aria-valuetext')]).toEqual(['-5', '1', '-1', '0.1']);

    fireEvent.change(slider, { target: { value: '-2' } });
    expect(config(store).optimizer.lr).toBe(0.01);
    expect(field('Learning rate').value).toBe('0.01');
    fireEvent.change(slider, { target: { value: '-2.5' } });
    expect(config(store).optimizer.lr).toBe(0.0032);

    await enter(user, 'Learning rate', '0.05');
    expect(config(store).optimizer.lr).toBe(0.05);
    expect(Number(slider.value)).toBeCloseTo(Math.log10(0.05), 1);
    expect(slider.getAttribute('aria-valuetext')).toBe('0.05');
    await enter(user, 'Learning rate', '1e3');
    expect(config(store).optimizer.lr).toBe(1000);
    expect(slider.value).toBe('1');

    await enter(user, 'Learning rate', '0');
    expect(screen.getByRole('alert').textContent).toBe('Learning rate must be greater than 0 (got 0).');
    expect(config(store).optimizer.lr).toBe(1000);
  });

  it('chooses full batch or a mini-batch of a valid size', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    expect((screen.getByRole('radio', { name: 'Full batch (all 300)' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Mini-batch' }));
    expect(config(store).batchSize).toBe(32);
    await enter(user, 'Mini-batch size', '300');
    expect(screen.getByRole('alert').textContent).toBe(
      'Mini-batch size must be from 1 to 299: the training set has 300 samples (choose Full batch to use all of them).',
    );
    expect(config(store).batchSize).toBe(32);
    await enter(user, 'Mini-batch size', '50');
    await enter(user, 'Shuffle seed', '3');
    expect(config(store)).toMatchObject({ batchSize: 50, shuffleSeed: 3 });
    expect(store.getState().built.setup.batchSize).toBe(50);
    await user.click(screen.getByRole('radio', { name: 'Full batch (all 300)' }));
    expect(config(store).batchSize).toBeNull();
    expect(screen.queryByLabelText('Mini-batch size')).toBeNull();
  });

  it('applies each preset in one click and marks it as current', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    const names: Record<string, string> = {
      'tutorial-numpy': 'Tutorial NumPy example', 'tutorial-pytorch': 'Tutorial PyTorch example', xor: 'XOR',
      spiral: 'Spiral (hard)', diverge: 'Too high a learning rate', 'three-spirals': 'Three spirals (softmax)',
    };
    expect(screen.getByRole('button', { name: 'Tutorial NumPy example' }).getAttribute('aria-pressed')).toBe('true');
    for (const p of [...PRESETS].reverse()) {
      const button = screen.getByRole('button', { name: names[p.id] });
      await user.click(button);
      expect(config(store)).toEqual(p.config);
      expect(button.getAttribute('aria-pressed')).toBe('true');
      expect(screen.getAllByRole('button', { pressed: true })).toHaveLength(1);
    }
    expect(store.getState().notice?.kind).toBe('info');
    await enter(user, 'Hidden neurons', '3');
    expect(screen.queryAllByRole('button', { pressed: true })).toHaveLength(0);
  });

  it('shows the fields of the preset it applied, replacing a pending bad draft', async () => {
    const { user } = renderWithStore(<ConfigPanel />);
    const hidden = field('Hidden neurons');
    await user.clear(hidden);
    await user.type(hidden, '99');
    await user.click(screen.getByRole('button', { name: 'Spiral (hard)' }));
    expect(field('Hidden neurons').value).toBe('16');
    expect(field('Hidden neurons').getAttribute('aria-invalid')).toBeNull();
    expect(field('Learning rate').value).toBe('0.02');
    expect(select('Optimizer').value).toBe('adam');
  });
});

describe('ConfigPanel CSV import', () => {
  const csvFile = (text: string, name: string) => new File([text], name, { type: 'text/csv' });
  const upload = async (user: ReturnType<typeof renderWithStore>['user'], file: File) => {
    await user.upload(screen.getByLabelText('Choose a CSV file'), file);
  };

  it('lists a broken file’s problems by line and column, and keeps the data set', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    const before: StudioConfig = config(store);
    await upload(user, csvFile('x1,x2,y\n1,2,0\n3,oops,1\n4,5\n', 'broken.csv'));
    await screen.findByText(/broken\.csv was not loaded; the current data stays/);
    const list = screen.getByText(/was not loaded/).nextElementSibling as HTMLElement;
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Line 3, column 2: "oops" is not a number.',
      'Line 4 has 2 values, but line 1 has 3; every row needs the same number of columns.',
    ]);
    expect(config(store)).toBe(before);
    expect(store.getState().csv).toBeNull();
  });

  it('says where the problems are in 简体中文 too', async () => {
    const { user } = renderWithStore(<ConfigPanel />, { locale: 'zh-CN' });
    await user.upload(screen.getByLabelText('选择 CSV 文件'), csvFile('x1,x2,y\n1,2,0\n3,oops,1\n1,2,7\n', 'broken.csv'));
    const list = (await screen.findByText(/broken\.csv 没有载入/)).nextElementSibling as HTMLElement;
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['第 3 行第 2 列：“oops”不是一个数。']);
  });

  it('gives the counts of a ragged row and of a file too short in 简体中文', async () => {
    const { user } = renderWithStore(<ConfigPanel />, { locale: 'zh-CN' });
    const problems = async (text: string, name: string) => {
      await user.upload(screen.getByLabelText('选择 CSV 文件'), csvFile(text, name));
      const list = (await screen.findByText(new RegExp(`${name.replace('.', '\\.')} 没有载入`))).nextElementSibling as HTMLElement;
      return within(list).getAllByRole('listitem').map((li) => li.textContent);
    };
    expect(await problems('x1,x2,y\n1,2,0\n3,4\n', 'ragged.csv')).toEqual(['第 3 行有 2 个值，但第 1 行有 3 个；每一行都需要同样多的列。']);
    expect(await problems('x,y\n1,0\n', 'short.csv')).toEqual(['文件只有 1 行数据；至少需要 2 行：训练和测试各一行。']);
  });

  it('switches to a good file, offers it in the data set menu, and can switch back', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    const rows = ['a,b,label'];
    for (let i = 0; i < 20; i++) rows.push(`${i / 10},${(i % 7) / 3},${i % 2}`);
    await upload(user, csvFile(rows.join('\n'), 'mine.csv'));
    await screen.findByText(/^Loaded mine\.csv/);
    expect(config(store).data).toEqual({ kind: 'csv', name: 'mine.csv' });
    expect(store.getState().built.dataset.train.X.cols).toBe(16);
    expect(select('Data set').value).toBe('csv');
    expect(screen.getByRole('option', { name: 'Your CSV: mine.csv' })).toBeTruthy();
    expect(screen.queryByLabelText('Points')).toBeNull();

    await user.selectOptions(select('Data set'), 'xor');
    expect(config(store).data.kind).toBe('xor');
    await user.selectOptions(select('Data set'), 'csv');
    expect(config(store).data).toEqual({ kind: 'csv', name: 'mine.csv' });
  });

  it('loads a regression file by switching to MSE and a linear output, and says so', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    const rows = ['x,y'];
    for (let i = 0; i < 10; i++) rows.push(`${i},${i * 1.5 + 0.25}`);
    const timelines = new Set([store.getState().timeline]);
    const unsubscribe = store.subscribe((state) => timelines.add(state.timeline));
    await upload(user, csvFile(rows.join('\n'), 'line.csv'));
    await screen.findByText(/^Loaded line\.csv/);
    unsubscribe();
    expect(config(store)).toMatchObject({ data: { kind: 'csv', name: 'line.csv' }, loss: 'mse', outputActivation: 'linear' });
    // The loss switch and the data arrive in one change: one new timeline, not two.
    expect(timelines.size).toBe(2);
    expect(store.getState().notice?.code).toBe('csv-loaded');
    expect(screen.getByRole('status').textContent).toContain('loss switched to MSE');
  });

  it('loads labels 0, 1, 2 as three classes with softmax and categorical cross-entropy, and says so in both languages', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    const rows = ['x,y,kind'];
    for (let i = 0; i < 12; i++) rows.push(`${i},${i % 5},${i % 3}`);
    await upload(user, csvFile(rows.join('\n'), 'three.csv'));
    await screen.findByText(/^Loaded three\.csv, with warnings/);
    expect(config(store)).toMatchObject({ data: { kind: 'csv', name: 'three.csv' }, loss: 'ce', outputActivation: 'softmax' });
    expect(store.getState().built.network.outputSize).toBe(3);
    expect(screen.getByText('Column 3 holds whole numbers from 0 to 2: loaded as 3 classes, for a softmax output with cross-entropy.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('loss switched to categorical cross-entropy');

    // Under ce, a label that is no class is named by line and column, and nothing changes.
    act(() => store.getState().setLocale('zh-CN'));
    const before = config(store);
    await user.upload(screen.getByLabelText('选择 CSV 文件'), csvFile('x,kind\n1,0\n2,1.5\n3,2\n', 'bad.csv'));
    const list = (await screen.findByText(/bad\.csv 没有载入/)).nextElementSibling as HTMLElement;
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '第 3 行第 2 列：标签“1.5”不是类别；使用 softmax 与多分类交叉熵时，每个标签都必须是 0 到 9 的整数。要载入实数目标，请先换一个损失函数。',
    ]);
    expect(config(store)).toBe(before);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const { store, user } = renderWithStore(<ConfigPanel />);
    const before = config(store);
    const big = csvFile('x,y\n1,0\n', 'huge.csv');
    Object.defineProperty(big, 'size', { value: 21 * 2 ** 20 });
    let read = false;
    big.text = () => {
      read = true;
      return Promise.resolve('');
    };
    await upload(user, big);
    await waitFor(() => expect(screen.getByText(/huge\.csv is 21\.0 MB; files up to 20 MB can be loaded/)).toBeTruthy());
    expect(read).toBe(false);
    expect(config(store)).toBe(before);
  });

  it('takes a dropped file, with visual feedback while dragging', async () => {
    const { store } = renderWithStore(<ConfigPanel />);
    const zone = screen.getByText('or drop one here').closest('.cfg-drop') as HTMLElement;
    const rows = ['x1,x2,y'];
    for (let i = 0; i < 12; i++) rows.push(`${i},${-i},${i % 2}`);
    const file = csvFile(rows.join('\n'), 'dropped.csv');
    fireEvent.dragOver(zone, { dataTransfer: { files: [file], dropEffect: 'none' } });
    expect(zone.className).toContain('is-dragging');
    expect(screen.getByText('Drop the file to load it')).toBeTruthy();
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    await screen.findByText(/^Loaded dropped\.csv/);
    expect(zone.className).not.toContain('is-dragging');
    expect(config(store).data).toEqual({ kind: 'csv', name: 'dropped.csv' });
  });
});

it('starts from the default config', () => {
  const { store } = renderWithStore(<ConfigPanel />);
  expect(config(store)).toBe(DEFAULT_CONFIG);
});

describe('number parsing', () => {
  it('accepts plain and scientific notation, never clamps, and names what is wrong', () => {
    expect(parseNumber(' 1e-3 ', { min: 0, isMinOpen: true })).toEqual({ ok: true, value: 0.001 });
    expect(parseNumber('0x10', {})).toMatchObject({ ok: false, key: 'config.error.nan' });
    expect(parseNumber('Infinity', {})).toMatchObject({ ok: false, key: 'config.error.nan' });
    expect(parseNumber('', {})).toMatchObject({ ok: false, key: 'config.error.empty' });
    expect(parseNumber('33', { min: 1, max: 32, isInteger: true })).toMatchObject({ ok: false, key: 'config.error.range', params: { value: '33', min: 1, max: 32 } });
    expect(parseNumber('-0.5', { min: 0 })).toMatchObject({ ok: false, key: 'config.error.min' });
  });

  it('maps learning rates to the log slider and back', () => {
    expect([lrToSlider(1e-5), lrToSlider(0.01), lrToSlider(10), lrToSlider(1e-9), lrToSlider(500)]).toEqual([-5, -2, 1, -5, 1]);
    expect([sliderToLr(-5), sliderToLr(-1), sliderToLr(-1.5), sliderToLr(1)]).toEqual([1e-5, 0.1, 0.032, 10]);
    for (let k = -50; k <= 10; k++) expect(lrToSlider(sliderToLr(k / 10))).toBeCloseTo(k / 10, 10);
  });
});
