// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';
import {
  DEFAULT_CONFIG, currentSession, readSession, selectSession, type StudioConfig,
} from '../../src/store/index';
import { CodePanel } from '../../src/views/CodePanel';
import { listingText } from '../../src/views/CodePanel/listing';
import { numpyListing } from '../../src/views/CodePanel/numpyCode';
import { ConfigPanel } from '../../src/views/ConfigPanel';
import { LossChart } from '../../src/views/LossChart';
import { NetworkView } from '../../src/views/NetworkView';
import { formatValue } from '../../src/viz/color';
import { renderWithStore } from './render';

const XOR_ADAM: StudioConfig = { ...DEFAULT_CONFIG, data: DEFAULT_DATASET_SPECS.xor, optimizer: { kind: 'adam', lr: 0.01 } };

/** Files the page offered for download (a blob: URL on an <a download> that was clicked). */
function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const files: { name: string; blob: Blob }[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}

const textOf = (blob: Blob) => new Promise<string>((resolve) => {
  const reader = new FileReader();
  reader.onload = () => resolve(String(reader.result));
  reader.readAsText(blob);
});

/** The SVG document in a downloaded file, parsed; fails on XML errors. */
async function parsedSvg(blob: Blob) {
  const text = await textOf(blob);
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  expect(doc.documentElement.tagName).toBe('svg');
  return { text, doc, words: Array.from(doc.querySelectorAll('text, tspan'), (t) => t.textContent ?? '').join(' ') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the diagram as SVG', () => {
  it('holds the numbers the diagram shows, the phase as its title and the legend, with no page styling', async () => {
    const files = captureDownloads();
    const { store } = renderWithStore(<NetworkView />, { config: XOR_ADAM, iteration: 37, phase: 'loss' });
    fireEvent.click(screen.getByRole('button', { name: /network diagram as SVG/ }));
    expect(files.map((f) => f.name)).toEqual(['xor_adam_it37_loss_network.svg']);
    const { doc, words } = await parsedSvg(files[0].blob);

    // The engine's numbers for sample 1 at the loss phase: inputs, hidden activations, output, loss.
    const s = selectSession(store.getState());
    const shown = [s.batch.X.data[0], s.cache.A1!.data[0], s.cache.A1!.data[s.batch.X.cols], s.cache.A2!.data[0], s.loss!];
    for (const v of shown) expect(words).toContain(formatValue(v).replace('-', '−'));
    expect(words).toContain('Loss: compare the output with y');
    expect(words).toContain('Iteration 37 · sample 1 of 300');
    expect(words).toMatch(/Edges: colour = sign/);
    // Standalone: no classes, no style attributes, no stylesheet; fonts named with a generic fallback.
    expect(doc.querySelectorAll('[class], [style], style')).toHaveLength(0);
    for (const el of doc.querySelectorAll('[font-family]')) expect(el.getAttribute('font-family')).toMatch(/(sans-serif|monospace)$/);
  });

  it('is written in the page’s language', async () => {
    const files = captureDownloads();
    const { store } = renderWithStore(<NetworkView />, { config: XOR_ADAM, iteration: 3, phase: 'backward-hidden', locale: 'zh-CN' });
    fireEvent.click(screen.getByRole('button', { name: /网络图下载为 SVG/ }));
    const { words } = await parsedSvg(files[0].blob);
    expect(words).toContain('反向传播');
    expect(words).toContain('第 3 次迭代');
    expect(currentSession(store.getState().timeline).phase).toBe('backward-hidden');
  });
});

describe('the loss chart as SVG', () => {
  it('holds the values at the cursor and the legend', async () => {
    const files = captureDownloads();
    const { store } = renderWithStore(<LossChart />, { config: XOR_ADAM, iteration: 37, phase: 'loss' });
    fireEvent.click(screen.getByRole('button', { name: /loss and accuracy chart as SVG/ }));
    expect(files.map((f) => f.name)).toEqual(['xor_adam_it37_loss.svg']);
    const { words } = await parsedSvg(files[0].blob);
    const { curves } = store.getState().timeline;
    expect(words).toContain(`At iteration 37: train loss ${formatValue(curves.trainLoss[37])} · test loss ${formatValue(curves.testLoss[37])}`);
    expect(words).toContain('train (solid line)');
    expect(words).toContain('test (dashed line)');
  });
});

describe('Download .py', () => {
  it('gives the tab’s listing as a script named after the configuration', async () => {
    const files = captureDownloads();
    const { store } = renderWithStore(<CodePanel />, { config: XOR_ADAM });
    fireEvent.click(screen.getByRole('button', { name: 'Download the NumPy code as xor_adam_numpy.py' }));
    fireEvent.click(screen.getByRole('tab', { name: 'PyTorch' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download the PyTorch code as xor_adam_pytorch.py' }));
    expect(files.map((f) => f.name)).toEqual(['xor_adam_numpy.py', 'xor_adam_pytorch.py']);
    const numpy = await textOf(files[0].blob);
    const { built, config } = store.getState();
    expect(numpy.startsWith('# xor_adam_numpy.py: written by Backprop Studio')).toBe(true);
    expect(numpy.endsWith(listingText(numpyListing({ network: built.network, config, dataset: built.dataset })))).toBe(true);
    expect(await textOf(files[1].blob)).toContain('optimizer = optim.Adam(model.parameters(), lr=0.01)');
  });
});

describe('Save session and Open session…', () => {
  const choose = (text: string, name: string, label = 'Open session…') => {
    const input = screen.getByLabelText(label) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
  };

  it('saves the state at the cursor, and opening the file elsewhere restores it', async () => {
    const files = captureDownloads();
    const saved = renderWithStore(<ConfigPanel />, { config: XOR_ADAM, iteration: 37, phase: 'loss' });
    fireEvent.click(screen.getByRole('button', { name: 'Save session as xor_adam_it37_session.json' }));
    expect(screen.getByText('Saved xor_adam_it37_session.json.')).toBeTruthy();
    const text = await textOf(files[0].blob);
    expect(readSession(text).ok).toBe(true);
    saved.unmount();

    const { store } = renderWithStore(<ConfigPanel />);
    choose(text, 'xor_adam_it37_session.json');
    await waitFor(() => expect(screen.getByText(/Opened xor_adam_it37_session.json at iteration 37/)).toBeTruthy());
    const s = currentSession(store.getState().timeline);
    expect([s.iteration, s.phase, s.loss]).toEqual([37, 'loss', currentSession(saved.store.getState().timeline).loss]);
  });

  it.each([
    ['en', 'version', /broken\.json is a session of another version: "version" must be 1 \(got 7\)\. Nothing was changed\./],
    ['zh-CN', 'version', /broken\.json 是另一版本的会话文件："version" 必须是 1（实际为 7）。当前内容未作改动。/],
  ] as const)('a file that is not a session says which field and what was expected (%s), and nothing changes', async (locale, _field, message) => {
    const valid = JSON.parse(await (async () => {
      const files = captureDownloads();
      const r = renderWithStore(<ConfigPanel />, { config: XOR_ADAM, iteration: 2 });
      fireEvent.click(screen.getByRole('button', { name: /Save session as/ }));
      r.unmount();
      return textOf(files[0].blob);
    })());
    const { store } = renderWithStore(<ConfigPanel />, { config: DEFAULT_CONFIG, iteration: 5, locale });
    const before = store.getState().timeline;
    act(() => {
      choose(JSON.stringify({ ...valid, version: 7 }), 'broken.json', locale === 'en' ? 'Open session…' : '打开会话…');
    });
    await waitFor(() => expect(screen.getByText(message)).toBeTruthy());
    expect(store.getState().timeline).toBe(before);
    expect(store.getState().config).toBe(DEFAULT_CONFIG);
  });
});
