/**
 * The PyTorch listing: nn.Linear layers, a loss module and a torch.optim optimizer with the
 * configured hyperparameters, trained by zero_grad / forward / loss / backward / step. It
 * starts from the app's initial weights, so its numbers match the app's.
 */
import { OPTIMIZER_DEFAULTS, resolveOptimizerSpec, type Activation } from '../../engine/index';
import { ITERATIONS, dataLines, initFactor, plain, py, tagged, type CodeInput, type CodeLine, type Listing } from './listing';

function activationExpr(g: Activation, Z: string): string {
  return { tanh: `torch.tanh(${Z})`, sigmoid: `torch.sigmoid(${Z})`, relu: `torch.relu(${Z})`, linear: Z, softmax: `torch.softmax(${Z}, dim=1)` }[g];
}

/** Softmax with cross-entropy: the model returns the logits Z2 and nn.CrossEntropyLoss applies (log-)softmax itself. */
const isLogits = ({ network }: CodeInput) => network.loss === 'ce';

/** `optim.X(model.parameters(), lr=…, …)` with every setting that differs from torch's default. */
export function optimizerExpr(input: CodeInput): string {
  const spec = resolveOptimizerSpec(input.config.optimizer);
  const args = ['model.parameters()', `lr=${py(spec.lr)}`];
  if (spec.kind === 'sgd') {
    if (spec.momentum !== 0) args.push(`momentum=${py(spec.momentum)}`);
  } else if (spec.kind === 'rmsprop') {
    if (spec.alpha !== OPTIMIZER_DEFAULTS.rmsprop.alpha) args.push(`alpha=${py(spec.alpha)}`);
    if (spec.eps !== OPTIMIZER_DEFAULTS.rmsprop.eps) args.push(`eps=${py(spec.eps)}`);
    if (spec.momentum !== 0) args.push(`momentum=${py(spec.momentum)}`);
  } else {
    if (spec.beta1 !== OPTIMIZER_DEFAULTS.adam.beta1 || spec.beta2 !== OPTIMIZER_DEFAULTS.adam.beta2) {
      args.push(`betas=(${py(spec.beta1)}, ${py(spec.beta2)})`);
    }
    if (spec.eps !== OPTIMIZER_DEFAULTS.adam.eps) args.push(`eps=${py(spec.eps)}`);
  }
  if (spec.weightDecay !== 0) args.push(`weight_decay=${py(spec.weightDecay)}`);
  const name = { sgd: 'SGD', rmsprop: 'RMSprop', adam: 'Adam' }[spec.kind];
  return `optim.${name}(${args.join(', ')})`;
}

function model(input: CodeInput): CodeLine[] {
  const { network } = input;
  const { inputSize: n, hiddenSize: h, outputSize: o } = network;
  return [
    ...plain(
      'class TwoLayerNet(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      `        self.hidden = nn.Linear(${n}, ${h})  # weight = W1 (${h}×${n}), bias = b1`,
      `        self.output = nn.Linear(${h}, ${o})  # weight = W2 (${o}×${h}), bias = b2`,
      '',
      '    def forward(self, X):',
    ),
    ...tagged('forward-hidden', '        Z1 = self.hidden(X)  # X · W1ᵀ + b1, one row per sample', `        A1 = ${activationExpr(network.hiddenActivation, 'Z1')}`),
    ...(isLogits(input)
      ? tagged('forward-output', '        Z2 = self.output(A1)', '        return Z2  # the logits: nn.CrossEntropyLoss applies softmax itself, stably')
      : [
        ...tagged('forward-output', '        Z2 = self.output(A1)', `        A2 = ${activationExpr(network.outputActivation, 'Z2')}`),
        ...plain('        return A2'),
      ]),
  ];
}

function setup(input: CodeInput): CodeLine[] {
  const { network, config } = input;
  const { inputSize: n, hiddenSize: h, outputSize: o } = network;
  const f1 = initFactor(input, String(n), String(h));
  const f2 = initFactor(input, String(h), String(o));
  return plain(
    'model = TwoLayerNet()',
    'with torch.no_grad():  # start from the same weights as the NumPy tab',
    `    np.random.seed(${config.init.seed})`,
    `    model.hidden.weight.copy_(torch.from_numpy(np.random.randn(${h}, ${n}) * ${f1}))`,
    '    model.hidden.bias.zero_()',
    `    model.output.weight.copy_(torch.from_numpy(np.random.randn(${o}, ${h}) * ${f2}))`,
    '    model.output.bias.zero_()',
    '',
    `criterion = nn.${{ bce: 'BCELoss', mse: 'MSELoss', ce: 'CrossEntropyLoss' }[network.loss]}()`,
    `optimizer = ${optimizerExpr(input)}`,
  );
}

function train(input: CodeInput): CodeLine[] {
  const { config } = input;
  const B = input.dataset.train.X.cols > (config.batchSize ?? Infinity) ? config.batchSize : null;
  const [Xb, Yb] = B === null ? ['X_t', 'Y_t'] : ['X_t[idx]', 'Y_t[idx]'];
  return [
    ...plain(
      ...(B === null ? [] : [`m, batch_size = X_t.shape[0], ${B}`, 'batches = -(-m // batch_size)  # per epoch']),
      `for i in range(${ITERATIONS}):`,
      ...(B === null ? [] : [
        '    epoch, b = divmod(i, batches)',
        '    if b == 0:  # a new shuffle each epoch, as the app',
        `        np.random.seed(${config.shuffleSeed} + epoch)`,
        '        order = torch.from_numpy(np.random.permutation(m))',
        '    idx = order[b * batch_size:(b + 1) * batch_size]',
      ]),
      '    optimizer.zero_grad()',
      `    output = model(${Xb})  # forward_propagation`,
    ),
    ...tagged('loss', `    loss = criterion(output, ${Yb})  # compute_cost`),
    ...tagged(['backward-output', 'backward-hidden'], '    loss.backward()  # autograd: dZ2, dW2, db2, then dA1, dZ1, dW1, db1'),
    ...tagged('update', '    optimizer.step()  # update_parameters'),
    ...plain(
      '    if i % 1000 == 0:',
      '        print(f"iteration {i}: loss {loss.item():.6f}")',
      '',
      'with torch.no_grad():',
      ...testLines(input),
    ),
  ];
}

/** Test accuracy for a classifier (the most probable class for softmax), else the test loss. */
function testLines(input: CodeInput): string[] {
  const g2 = input.network.outputActivation;
  if (isLogits(input)) {
    return [
      '    A2_test = torch.softmax(model(torch.from_numpy(X_test.T)), dim=1)  # probabilities, one row per sample',
      '    y_test = torch.from_numpy(np.argmax(Y_test, axis=0))',
      '    print("test accuracy:", (A2_test.argmax(dim=1) == y_test).double().mean().item())',
    ];
  }
  return [
    '    A2_test = model(torch.from_numpy(X_test.T))',
    '    Y_test_t = torch.from_numpy(Y_test.T.astype(np.float64))',
    g2 === 'sigmoid'
      ? '    print("test accuracy:", ((A2_test > 0.5).double() == Y_test_t).double().mean().item())'
      : '    print("test loss:", criterion(A2_test, Y_test_t).item())',
  ];
}

/** The whole PyTorch listing for the configured network. */
export function pytorchListing(input: CodeInput): Listing {
  const gap = plain('', '');
  return [
    ...plain(
      'import numpy as np',
      'import torch',
      'from torch import nn, optim',
      '',
      'torch.set_default_dtype(torch.float64)  # the app computes in float64',
      '',
    ),
    ...dataLines(input),
    ...plain(
      '# PyTorch puts samples in rows, NumPy code here in columns: X_t is X_train.T (m × n_x)',
      'X_t = torch.from_numpy(X_train.T.astype(np.float64))',
      ...(isLogits(input)
        ? ['Y_t = torch.from_numpy(np.argmax(Y_train, axis=0))  # class indices, as nn.CrossEntropyLoss takes them']
        : ['Y_t = torch.from_numpy(Y_train.T.astype(np.float64))']),
    ),
    ...gap,
    ...model(input), ...gap,
    ...setup(input), ...gap,
    ...train(input),
  ];
}
