/**
 * The forward pass into buffers that are allocated once and reused, for callers that run it
 * many times a second on the same columns (the data view's grid while training). It calls
 * the same kernel as `forward`, in the same order, so every number equals forward's bit for
 * bit; it allocates nothing per call.
 */
import { forwardLayer } from './kernels';
import { checkInteger, fail, matrix } from './matrix';
import { LIMITS, checkConfig, checkInputs, checkParams } from './network';
import type { ForwardCache, Matrix, NetworkConfig, Params } from './types';

/** Reusable outputs of one forward pass over m columns: Z1, A1 (hiddenSize × m), Z2, A2 (outputSize × m). */
export interface ForwardBuffers extends ForwardCache {
  readonly config: NetworkConfig;
  readonly m: number;
}

/** Zeroed buffers for forwardInto over m columns of `config`'s network. Throws on a bad config or m. */
export function forwardBuffers(config: NetworkConfig, m: number): ForwardBuffers {
  checkConfig(config);
  checkInteger('m (samples)', m, 1, LIMITS.samples);
  const { hiddenSize: h, outputSize: o } = config;
  return { config, m, Z1: matrix(h, m), A1: matrix(h, m), Z2: matrix(o, m), A2: matrix(o, m) };
}

/**
 * forward(config, params, X) written into `buffers` (made by forwardBuffers for this config
 * and X's column count): Z1 = W1·X + b1, A1 = g1(Z1), Z2 = W2·A1 + b2, A2 = g2(Z2). Returns
 * the buffers. Throws like forward, and when the buffers are for another network or width.
 */
export function forwardInto(config: NetworkConfig, params: Params, X: Matrix, buffers: ForwardBuffers): ForwardBuffers {
  checkConfig(config);
  checkParams(config, params);
  const m = checkInputs(config, X);
  const { inputSize: n, hiddenSize: h, outputSize: o } = config;
  const b = buffers.config;
  if (b.inputSize !== n || b.hiddenSize !== h || b.outputSize !== o || buffers.m !== m) {
    fail('buffers', `${b.inputSize}-${b.hiddenSize}-${b.outputSize} × ${buffers.m}`, `must be made for ${n}-${h}-${o} × ${m}`);
  }
  // Z1 = W1·X + b1, A1 = g1(Z1)
  forwardLayer(params.W1.data, params.b1.data, X.data, h, n, m, config.hiddenActivation, buffers.Z1.data, buffers.A1.data);
  // Z2 = W2·A1 + b2, A2 = g2(Z2)
  forwardLayer(params.W2.data, params.b2.data, buffers.A1.data, o, h, m, config.outputActivation, buffers.Z2.data, buffers.A2.data);
  return buffers;
}
