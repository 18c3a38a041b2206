import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../src/engine/index';
import { createAppStore, DEFAULT_CONFIG, type StudioConfig } from '../../src/store/index';
import { DEFAULT_DATASET_SPECS } from '../../src/data/datasets';
import { PRESETS } from '../../src/store/presets';
import { parseLink } from '../../src/store/url';
import listings from '../fixtures/listings.json';
import { listingText, phaseRange, type CodeInput, type Listing } from '../../src/views/CodePanel/listing';
import { numpyListing } from '../../src/views/CodePanel/numpyCode';
import { pytorchListing } from '../../src/views/CodePanel/pytorchCode';
import { tokenize } from '../../src/views/CodePanel/syntax';

function inputFor(patch: Partial<StudioConfig> = {}): CodeInput {
  const s = createAppStore({ config: { ...DEFAULT_CONFIG, ...patch } }).getState();
  return { network: s.built.network, config: s.config, dataset: s.built.dataset };
}

/** Each phase's lines form one contiguous block. */
function expectContiguousPhases(listing: Listing) {
  for (const phase of PHASES) {
    const range = phaseRange(listing, phase);
    expect(range, phase).not.toBeNull();
    for (let k = range!.from; k <= range!.to; k++) expect(listing[k].phases, `${phase} line ${k}`).toContain(phase);
  }
}

const VARIANTS: Record<string, Partial<StudioConfig>> = {
  default: {},
  reluAdamBatches: { hiddenActivation: 'relu', optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 64, shuffleSeed: 3 },
  regression: {
    data: DEFAULT_DATASET_SPECS['tutorial-pytorch'], hiddenSize: 5, hiddenActivation: 'relu', outputActivation: 'linear',
    loss: 'mse', optimizer: { kind: 'sgd', lr: 0.01 },
  },
  rmsprop: {
    data: DEFAULT_DATASET_SPECS.moons, hiddenSize: 8, loss: 'mse', init: { scheme: 'xavier', scale: 0.01, seed: 5 },
    optimizer: { kind: 'rmsprop', lr: 0.01, momentum: 0.5, weightDecay: 0.001 },
  },
  threeSpirals: PRESETS.find((p) => p.id === 'three-spirals')!.config,
  softmaxAdamBatches: {
    ...PRESETS.find((p) => p.id === 'three-spirals')!.config, hiddenSize: 8, hiddenActivation: 'tanh',
    optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 50, shuffleSeed: 2,
  },
  momentum: {
    data: DEFAULT_DATASET_SPECS.spiral, hiddenActivation: 'sigmoid', init: { scheme: 'he', scale: 0.01, seed: 0 },
    optimizer: { kind: 'sgd', lr: 0.5, momentum: 0.9 },
  },
};

describe('the NumPy listing', () => {
  it('has the tutorial’s six functions for the default config', () => {
    const text = listingText(numpyListing(inputFor()));
    for (const name of ['initialize_parameters', 'forward_propagation', 'compute_cost', 'backward_propagation', 'update_parameters', 'predict']) {
      expect(text).toMatch(new RegExp(`^def ${name}\\(`, 'm'));
    }
    expect(text).toContain('np.random.seed(1)');
    expect(text).toContain('X = np.random.randn(2, 400)');
    expect(text).toContain('parameters = initialize_parameters(2, 4, 1)');
  });

  it('gives every phase one block of lines, in both listings, for every variant', () => {
    for (const patch of Object.values(VARIANTS)) {
      expectContiguousPhases(numpyListing(inputFor(patch)));
      expectContiguousPhases(pytorchListing(inputFor(patch)));
    }
  });

  it('writes the loss and its dZ2 for mse with a linear output', () => {
    const text = listingText(numpyListing(inputFor(VARIANTS.regression)));
    expect(text).toContain('cost = np.mean((A2 - Y) ** 2)');
    expect(text).toContain('dZ2 = 2 * (A2 - Y)\n');
    expect(text).toContain('A2 = Z2');
    expect(text).not.toContain('def sigmoid');
    expect(listingText(pytorchListing(inputFor(VARIANTS.regression)))).toContain('criterion = nn.MSELoss()');
  });
});

describe('the listings for softmax with cross-entropy', () => {
  it('NumPy: a stable softmax, the mean over the m samples, dZ2 = A2 − Y, predict by argmax', () => {
    const text = listingText(numpyListing(inputFor(VARIANTS.threeSpirals)));
    expect(text).toContain('    e = np.exp(Z - np.max(Z, axis=0, keepdims=True))');
    expect(text).toContain('    A2 = softmax(Z2)');
    expect(text).toContain('        cost = -np.sum(Y * np.maximum(np.log(A2), -100)) / m');
    expect(text).toMatch(/^ {4}dZ2 = A2 - Y {2}#/m);
    expect(text).toContain('    return np.argmax(A2, axis=0)');
    expect(text).toContain('Y = np.eye(3)[:, y]  # one-hot: 3 × 300');
    expect(text).toContain('parameters = initialize_parameters(2, 100, 3)');
    expect(text).toContain('def update_parameters(parameters, grads, learning_rate=1, weight_decay=0.001):');
  });

  it('PyTorch: logits out of the model, nn.CrossEntropyLoss on class indices', () => {
    const text = listingText(pytorchListing(inputFor(VARIANTS.threeSpirals)));
    expect(text).toContain('        return Z2  # the logits');
    expect(text).toContain('criterion = nn.CrossEntropyLoss()');
    expect(text).toContain('Y_t = torch.from_numpy(np.argmax(Y_train, axis=0))');
    expect(text).toContain('optimizer = optim.SGD(model.parameters(), lr=1, weight_decay=0.001)');
    expect(text).not.toContain('torch.softmax(Z2');
  });
});

describe('tokenize', () => {
  it('gives each line back exactly and finds comments, strings, numbers and keywords', () => {
    const line = '    return {"W1": W1}  # W1: 4×2, 0.01';
    const tokens = tokenize(line);
    expect(tokens.map((t) => t.text).join('')).toBe(line);
    expect(tokens.find((t) => t.kind === 'keyword')?.text).toBe('return');
    expect(tokens.find((t) => t.kind === 'string')?.text).toBe('"W1"');
    expect(tokens.at(-1)).toEqual({ kind: 'comment', text: '# W1: 4×2, 0.01' });
    expect(tokenize('x = 1e-08 + W1')).toContainEqual({ kind: 'number', text: '1e-08' });
  });
});

/**
 * Runs a listing's first three iterations with `python`, printing each cost at full precision
 * (`printed` is its cost line's format and the full-precision one), and expects them to equal
 * the engine's first three training losses to 1e-12.
 */
function expectFirstThreeCosts(input: CodeInput, listing: Listing, python: string, printed: [string, string]) {
  const script = listingText(listing)
    .replace(/for i in range\(\d+\)/, 'for i in range(3)')
    .replace('i % 1000 == 0', 'True')
    .replace(...printed);
  const out = execFileSync(python, ['-'], { input: script, encoding: 'utf8' });
  const costs = [...out.matchAll(/(?:cost|loss) (\S+)$/gm)].map((m) => Number(m[1]));
  const store = createAppStore({ config: input.config });
  store.getState().train(3);
  const { trainLoss } = store.getState().timeline.curves;
  expect(costs.length).toBe(3);
  costs.forEach((c, k) => expect(Math.abs(c - trainLoss[k])).toBeLessThan(1e-12));
}

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

// Truth first: where NumPy is installed, the listing itself runs and its costs equal the app's.
describe.skipIf(!hasNumpy)('the NumPy listing run by Python', () => {
  it.each(Object.keys(VARIANTS))('%s: the first three costs match the engine', (name) => {
    const input = inputFor(VARIANTS[name]);
    expectFirstThreeCosts(input, numpyListing(input), 'python3', ['{cost:.6f}', '{cost!r}']);
  });
});

/** A Python with NumPy and PyTorch, if this machine has one (Debian's python3-torch is in /usr/bin). */
const torchPython = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import numpy, torch'], { stdio: 'ignore' }).status === 0);

describe.skipIf(!torchPython)('the PyTorch listing run by Python', () => {
  it.each(['threeSpirals', 'softmaxAdamBatches'])('%s: the first three losses match the engine', (name) => {
    const input = inputFor(VARIANTS[name]);
    expectFirstThreeCosts(input, pytorchListing(input), torchPython as string, ['{loss.item():.6f}', '{loss.item()!r}']);
  }, 30_000);
});

// What the listings print when run to the end, from tests/fixtures/listings.json (written by
// generate_listings.py with real NumPy and PyTorch): it holds the listing it ran, so a changed
// listing shows here until the fixture is regenerated.
describe('the three-spirals listings as Python ran them (listings.json)', () => {
  const cases = listings.cases.filter((c) => c.link.startsWith('data=three-spirals'));
  const { init } = parseLink(cases[0]?.link ?? '');
  const input = inputFor(init.config);
  const store = createAppStore({ config: init.config });
  store.getState().train(1001);
  const { trainLoss } = store.getState().timeline.curves;

  it.each(cases.map((c) => [c.language, c] as const))('%s: the page\'s listing, printing the page\'s costs at iterations 0 and 1,000', (language, c) => {
    expect(init.config).toEqual(VARIANTS.threeSpirals);
    const listing = listingText(language === 'pytorch' ? pytorchListing(input) : numpyListing(input));
    expect(listing).toBe(c.listing);
    for (const i of [0, 1000]) expect(Math.abs(c.costs[String(i) as '0'] - trainLoss[i])).toBeLessThanOrEqual(1e-10 * trainLoss[i]);
    expect(c.printed.at(-1)).toMatch(/^test accuracy: 0\.9[4-9]/);
  });
});
