import { checkNumber, fail, matrix } from './matrix';
import type { Gradients, Matrix, Optimizer, OptimizerSpec, OptimizerState, Params } from './types';

/** The four parameter names, in the order every loop visits them. */
export const PARAM_NAMES = ['W1', 'b1', 'W2', 'b2'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];
const GRAD_OF: Record<ParamName, keyof Gradients> = { W1: 'dW1', b1: 'db1', W2: 'dW2', b2: 'db2' };

/** An OptimizerSpec with every default filled in, as torch.optim fills them. */
export type ResolvedOptimizerSpec =
  | { kind: 'sgd'; lr: number; momentum: number; weightDecay: number }
  | { kind: 'rmsprop'; lr: number; alpha: number; eps: number; momentum: number; weightDecay: number }
  | { kind: 'adam'; lr: number; beta1: number; beta2: number; eps: number; weightDecay: number };

/** torch.optim's defaults. */
export const OPTIMIZER_DEFAULTS = {
  sgd: { momentum: 0, weightDecay: 0 },
  rmsprop: { alpha: 0.99, eps: 1e-8, momentum: 0, weightDecay: 0 },
  adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
} as const;

/** Fills torch's defaults and checks every field; throws an Error naming the bad field and value. */
export function resolveOptimizerSpec(spec: OptimizerSpec): ResolvedOptimizerSpec {
  if (!spec || typeof spec !== 'object') fail('optimizer', spec, 'must be an object with a kind');
  const lr = checkNumber('lr', spec.lr, 0);
  const weightDecay = checkNumber('weightDecay', spec.weightDecay ?? 0, 0);
  switch (spec.kind) {
    case 'sgd':
      return { kind: 'sgd', lr, weightDecay, momentum: checkNumber('momentum', spec.momentum ?? 0, 0) };
    case 'rmsprop':
      return {
        kind: 'rmsprop', lr, weightDecay,
        alpha: checkNumber('alpha', spec.alpha ?? OPTIMIZER_DEFAULTS.rmsprop.alpha, 0, 1),
        eps: checkNumber('eps', spec.eps ?? OPTIMIZER_DEFAULTS.rmsprop.eps, 0),
        momentum: checkNumber('momentum', spec.momentum ?? 0, 0),
      };
    case 'adam': {
      const beta1 = checkNumber('beta1', spec.beta1 ?? OPTIMIZER_DEFAULTS.adam.beta1, 0, 1);
      const beta2 = checkNumber('beta2', spec.beta2 ?? OPTIMIZER_DEFAULTS.adam.beta2, 0, 1);
      if (beta1 === 1) fail('beta1', beta1, 'must be less than 1');
      if (beta2 === 1) fail('beta2', beta2, 'must be less than 1');
      return { kind: 'adam', lr, weightDecay, beta1, beta2, eps: checkNumber('eps', spec.eps ?? OPTIMIZER_DEFAULTS.adam.eps, 0) };
    }
    default:
      return fail('optimizer kind', (spec as { kind: unknown }).kind, 'must be one of sgd, rmsprop, adam');
  }
}

/** The names of the moment buffers an optimizer keeps, as torch.optim names them in `optimizer.state`. */
export function bufferNames(spec: ResolvedOptimizerSpec): string[] {
  switch (spec.kind) {
    case 'sgd':
      return spec.momentum > 0 ? ['momentum_buffer'] : [];
    case 'rmsprop':
      return spec.momentum > 0 ? ['square_avg', 'momentum_buffer'] : ['square_avg'];
    case 'adam':
      return ['exp_avg', 'exp_avg_sq'];
  }
}

/**
 * One optimizer update of one parameter tensor, elementwise, so it may run in place
 * (pOut === p, buffers written over themselves). `t` is the 1-based step count.
 * Arithmetic follows torch.optim's single-tensor code line by line.
 */
export function updateParameter(
  spec: ResolvedOptimizerSpec, t: number, p: Float64Array, grad: Float64Array,
  buffers: Float64Array[], pOut: Float64Array,
): void {
  const { lr, weightDecay } = spec;
  const length = p.length;
  switch (spec.kind) {
    case 'sgd': {
      const { momentum } = spec;
      const buf = buffers[0];
      for (let j = 0; j < length; j++) {
        // g = ∇ + λ·p; buf = g on the first step, else μ·buf + g; p = p − lr·buf
        let g = weightDecay !== 0 ? grad[j] + weightDecay * p[j] : grad[j];
        if (momentum > 0) {
          g = t === 1 ? g : momentum * buf[j] + g;
          buf[j] = g;
        }
        pOut[j] = p[j] - lr * g;
      }
      return;
    }
    case 'rmsprop': {
      const { alpha, eps, momentum } = spec;
      const [squareAvg, buf] = buffers;
      for (let j = 0; j < length; j++) {
        // v = α·v + (1−α)·g²; p = p − lr·g/(√v + ε)  (through a momentum buffer when μ > 0)
        const g = weightDecay !== 0 ? grad[j] + weightDecay * p[j] : grad[j];
        const v = squareAvg[j] * alpha + (1 - alpha) * g * g;
        squareAvg[j] = v;
        const avg = Math.sqrt(v) + eps;
        if (momentum > 0) {
          const b = buf[j] * momentum + g / avg;
          buf[j] = b;
          pOut[j] = p[j] + -lr * b;
        } else {
          pOut[j] = p[j] + -lr * (g / avg);
        }
      }
      return;
    }
    case 'adam': {
      const { beta1, beta2, eps } = spec;
      const [expAvg, expAvgSq] = buffers;
      const stepSize = lr / (1 - beta1 ** t);
      const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** t);
      const weight = 1 - beta1;
      for (let j = 0; j < length; j++) {
        // m = lerp(m, g, 1−β1); v = β2·v + (1−β2)·g²; p = p − lr/(1−β1ᵗ) · m/(√v/√(1−β2ᵗ) + ε)
        const g = weightDecay !== 0 ? grad[j] + weightDecay * p[j] : grad[j];
        const m0 = expAvg[j];
        const m = weight < 0.5 ? m0 + weight * (g - m0) : g - (g - m0) * (1 - weight);
        expAvg[j] = m;
        const v = expAvgSq[j] * beta2 + (1 - beta2) * g * g;
        expAvgSq[j] = v;
        const denom = Math.sqrt(v) / biasCorrection2Sqrt + eps;
        pOut[j] = p[j] + -stepSize * (m / denom);
      }
      return;
    }
  }
}

function zerosLike(params: Params): Params {
  const z = (m: Matrix) => matrix(m.rows, m.cols);
  return { W1: z(params.W1), b1: z(params.b1), W2: z(params.W2), b2: z(params.b2) };
}

function copyParams(params: Params): Params {
  const c = (m: Matrix) => matrix(m.rows, m.cols, m.data.slice());
  return { W1: c(params.W1), b1: c(params.b1), W2: c(params.W2), b2: c(params.b2) };
}

/** The state before the first step: step 0 and zero-filled buffers shaped like params. */
export function initialOptimizerState(spec: OptimizerSpec, params: Params): OptimizerState {
  const resolved = resolveOptimizerSpec(spec);
  const buffers: Record<string, Params> = {};
  for (const name of bufferNames(resolved)) buffers[name] = zerosLike(params);
  return { step: 0, buffers };
}

/** One optimizer step: new params and new state; never mutates its inputs. Throws on a bad spec or state. */
export function optimizerStep(
  spec: OptimizerSpec, state: OptimizerState, params: Params, grads: Gradients,
): { params: Params; state: OptimizerState } {
  const resolved = resolveOptimizerSpec(spec);
  const names = bufferNames(resolved);
  for (const name of names) if (!state?.buffers?.[name]) fail('optimizer state buffers', Object.keys(state?.buffers ?? {}), `must include ${name}`);
  const t = state.step + 1;
  const buffers: Record<string, Params> = {};
  for (const name of names) buffers[name] = copyParams(state.buffers[name]);
  const next = zerosLike(params);
  for (const p of PARAM_NAMES) {
    const grad = grads[GRAD_OF[p]];
    if (!grad || grad.data.length !== params[p].data.length) fail(GRAD_OF[p], grad, `must be shaped like ${p} (${params[p].rows}×${params[p].cols})`);
    updateParameter(resolved, t, params[p].data, grad.data, names.map((n) => buffers[n][p].data), next[p].data);
  }
  return { params: next, state: { step: t, buffers } };
}

/** A convenience wrapper holding its own state, like a torch.optim optimizer. */
export function createOptimizer(spec: OptimizerSpec): Optimizer {
  resolveOptimizerSpec(spec);
  let state: OptimizerState | null = null;
  return {
    step(params, grads) {
      const result = optimizerStep(spec, state ?? initialOptimizerState(spec, params), params, grads);
      state = result.state;
      return result.params;
    },
  };
}
