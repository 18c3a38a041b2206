import { checkConfig } from './network';
import { checkInteger, checkNumber, fail, matrix } from './matrix';
import { numpyRandom } from './random';
import type { Matrix, NetworkConfig, Params } from './types';

export type InitScheme = 'tutorial' | 'xavier' | 'he';
export const INIT_SCHEMES: readonly InitScheme[] = ['tutorial', 'xavier', 'he'];

export interface InitOptions {
  seed: number;
  /** Multiplier of randn for the 'tutorial' scheme; default 0.01. */
  scale?: number;
  /** 'tutorial' (randn·scale), 'xavier' (randn·√(2/(fan_in+fan_out))), 'he' (randn·√(2/fan_in)); default 'tutorial'. */
  scheme?: InitScheme;
}

function scaled(m: Matrix, s: number): Matrix {
  const data = m.data;
  for (let k = 0; k < data.length; k++) data[k] *= s;
  return m;
}

/**
 * The seed's initialize_parameters: np.random.seed(seed); W1 = randn(h, n)·s1; b1 = zeros((h, 1));
 * W2 = randn(o, h)·s2; b2 = zeros((o, 1)), with s = scale (default 0.01) for the tutorial scheme.
 * Throws on a bad config, seed, scale or scheme.
 */
export function initializeParameters(config: NetworkConfig, options: InitOptions): Params {
  checkConfig(config);
  const seed = checkInteger('seed', options?.seed, 0, 2 ** 32 - 1);
  const scheme = options.scheme ?? 'tutorial';
  if (!INIT_SCHEMES.includes(scheme)) fail('init scheme', scheme, `must be one of ${INIT_SCHEMES.join(', ')}`);
  const scale = checkNumber('scale', options.scale ?? 0.01, 0);
  const { inputSize: n, hiddenSize: h, outputSize: o } = config;
  const factor = (fanIn: number, fanOut: number) =>
    scheme === 'tutorial' ? scale : scheme === 'xavier' ? Math.sqrt(2 / (fanIn + fanOut)) : Math.sqrt(2 / fanIn);
  const random = numpyRandom(seed);
  const W1 = scaled(random.randn(h, n), factor(n, h));
  const W2 = scaled(random.randn(o, h), factor(h, o));
  return { W1, b1: matrix(h, 1), W2, b2: matrix(o, 1) };
}
