/**
 * The NumPy listing, in the tutorial's shape (initialize_parameters, forward_propagation,
 * compute_cost, backward_propagation, update_parameters, predict), written for the
 * configured network, loss and optimizer. Runnable as it is; it computes what the app does.
 */
import { resolveOptimizerSpec, type Activation } from '../../engine/index';
import { ITERATIONS, dataLines, initFactor, plain, py, tagged, type CodeInput, type CodeLine, type Listing } from './listing';

/** g(Z) in NumPy. */
function activationExpr(g: Activation, Z: string): string {
  return { tanh: `np.tanh(${Z})`, sigmoid: `sigmoid(${Z})`, relu: `np.maximum(0, ${Z})`, linear: Z, softmax: `softmax(${Z})` }[g];
}

/**
 * g′ as a factor in NumPy, from the layer's A (and Z for ReLU); null for linear (g′ = 1) and for
 * softmax, which only comes with cross-entropy, whose dZ2 = A2 − Y needs no slope.
 */
function derivativeExpr(g: Activation, A: string, Z: string): string | null {
  return { tanh: `(1 - np.power(${A}, 2))`, sigmoid: `${A} * (1 - ${A})`, relu: `(${Z} > 0)`, linear: null, softmax: null }[g];
}

/** The helper functions the listing calls: sigmoid and softmax, when the network uses them. */
function helpers({ network }: CodeInput): CodeLine[] {
  const uses = (g: Activation) => network.hiddenActivation === g || network.outputActivation === g;
  const gap = plain('', '');
  return [
    ...(uses('sigmoid') ? [...plain('def sigmoid(Z):', '    return 1 / (1 + np.exp(-Z))'), ...gap] : []),
    ...(uses('softmax') ? [...plain(
      'def softmax(Z):',
      '    e = np.exp(Z - np.max(Z, axis=0, keepdims=True))  # minus each column\'s max: same result, no overflow',
      '    return e / np.sum(e, axis=0, keepdims=True)  # each column adds up to 1',
    ), ...gap] : []),
  ];
}

function initialize(input: CodeInput): CodeLine[] {
  const { network } = input;
  return plain(
    'def initialize_parameters(n_x, n_h, n_y):',
    `    np.random.seed(${input.config.init.seed})`,
    `    W1 = np.random.randn(n_h, n_x) * ${initFactor(input, 'n_x', 'n_h')}`,
    '    b1 = np.zeros((n_h, 1))',
    `    W2 = np.random.randn(n_y, n_h) * ${initFactor(input, 'n_h', 'n_y')}`,
    '    b2 = np.zeros((n_y, 1))',
    `    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}  # W1: ${network.hiddenSize}×${network.inputSize}, W2: ${network.outputSize}×${network.hiddenSize}`,
  );
}

function forward({ network }: CodeInput): CodeLine[] {
  return [
    ...plain(
      'def forward_propagation(X, parameters):',
      '    W1, b1 = parameters["W1"], parameters["b1"]',
      '    W2, b2 = parameters["W2"], parameters["b2"]',
    ),
    ...tagged('forward-hidden', '    Z1 = np.dot(W1, X) + b1', `    A1 = ${activationExpr(network.hiddenActivation, 'Z1')}`),
    ...tagged('forward-output', '    Z2 = np.dot(W2, A1) + b2', `    A2 = ${activationExpr(network.outputActivation, 'Z2')}`),
    ...plain('    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}', '    return A2, cache'),
  ];
}

function cost({ network }: CodeInput): CodeLine[] {
  const body = {
    bce: ['    # binary cross-entropy, the mean over all entries (as nn.BCELoss)', '    cost = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))'],
    mse: ['    # squared error, the mean over all entries (as nn.MSELoss)', '    cost = np.mean((A2 - Y) ** 2)'],
    ce: [
      '    # categorical cross-entropy: -log of each sample\'s true-class probability (Y is one-hot),',
      '    # the mean over the m samples (as nn.CrossEntropyLoss); a log of 0 counts as -100, as in the app',
      '    m = Y.shape[1]',
      '    with np.errstate(divide="ignore"):',
      '        cost = -np.sum(Y * np.maximum(np.log(A2), -100)) / m',
    ],
  }[network.loss];
  return tagged('loss', 'def compute_cost(A2, Y):', ...body, '    return float(cost)');
}

function backward({ network }: CodeInput): CodeLine[] {
  const o = network.outputSize;
  const perOutput = o === 1 ? '' : ' / n_y';
  let dZ2: string;
  if (network.loss === 'ce') {
    dZ2 = 'A2 - Y  # softmax and cross-entropy together: the Jacobian collapses to A2 - Y';
  } else if (network.loss === 'bce') {
    dZ2 = o === 1 ? 'A2 - Y' : '(A2 - Y) / n_y';
  } else {
    const d2 = derivativeExpr(network.outputActivation, 'A2', 'Z2');
    dZ2 = `2 * (A2 - Y)${d2 ? ` * ${d2}` : ''}${perOutput}`;
  }
  const d1 = derivativeExpr(network.hiddenActivation, 'A1', 'Z1');
  const needs = ['A1', 'A2'];
  if (network.hiddenActivation === 'relu') needs.unshift('Z1');
  if (network.loss === 'mse' && network.outputActivation === 'relu') needs.push('Z2');
  return [
    ...plain(
      'def backward_propagation(parameters, cache, X, Y):',
      '    m = X.shape[1]',
      ...(o === 1 || network.loss === 'ce' ? [] : ['    n_y = Y.shape[0]']),
      '    W2 = parameters["W2"]',
      `    ${needs.join(', ')} = ${needs.map((k) => `cache["${k}"]`).join(', ')}`,
    ),
    ...tagged(
      'backward-output',
      `    dZ2 = ${dZ2}`,
      '    dW2 = (1 / m) * np.dot(dZ2, A1.T)',
      '    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)',
    ),
    ...tagged(
      'backward-hidden',
      '    dA1 = np.dot(W2.T, dZ2)',
      `    dZ1 = ${d1 ? `dA1 * ${d1}` : 'dA1'}`,
      '    dW1 = (1 / m) * np.dot(dZ1, X.T)',
      '    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)',
    ),
    ...plain('    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}'),
  ];
}

/** Whether update_parameters needs a state dict (moment buffers, step count): all but plain SGD (with or without weight decay). */
function isStateful(input: CodeInput): boolean {
  const spec = resolveOptimizerSpec(input.config.optimizer);
  return !(spec.kind === 'sgd' && spec.momentum === 0);
}

function update(input: CodeInput): CodeLine[] {
  const spec = resolveOptimizerSpec(input.config.optimizer);
  const lr = py(spec.lr);
  const wd = spec.weightDecay !== 0;
  if (!isStateful(input)) {
    const decay = (p: string) => (wd ? `(grads["d${p}"] + weight_decay * parameters["${p}"])` : `grads["d${p}"]`);
    return tagged(
      'update',
      `def update_parameters(parameters, grads, learning_rate=${lr}${wd ? `, weight_decay=${py(spec.weightDecay)}` : ''}):`,
      ...(wd ? ['    # weight decay as torch.optim.SGD: weight_decay · W is added to each gradient (L2)'] : []),
      ...['W1', 'b1', 'W2', 'b2'].map((p) => `    ${p} = parameters["${p}"] - learning_rate * ${decay(p)}`),
      '    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}',
    );
  }
  const args = [`learning_rate=${lr}`];
  const body: string[] = [];
  const grad = `        g = grads["d" + name]${wd ? ' + weight_decay * p' : ''}`;
  if (spec.kind === 'sgd') {
    if (spec.momentum > 0) args.push(`momentum=${py(spec.momentum)}`);
    body.push('    # torch.optim.SGD, one step; state keeps the momentum buffers between calls');
    body.push('    for name, p in parameters.items():', grad);
    if (spec.momentum > 0) {
      body.push('        state[name] = momentum * state.get(name, 0) + g', '        new_parameters[name] = p - learning_rate * state[name]');
    } else {
      body.push('        new_parameters[name] = p - learning_rate * g');
    }
  } else if (spec.kind === 'rmsprop') {
    args.push(`alpha=${py(spec.alpha)}`, `eps=${py(spec.eps)}`);
    if (spec.momentum > 0) args.push(`momentum=${py(spec.momentum)}`);
    body.push('    # torch.optim.RMSprop, one step; state keeps the running averages between calls');
    body.push('    for name, p in parameters.items():', grad);
    body.push('        v = alpha * state.get("v" + name, 0) + (1 - alpha) * g ** 2', '        state["v" + name] = v');
    if (spec.momentum > 0) {
      body.push(
        '        buf = momentum * state.get("buf" + name, 0) + g / (np.sqrt(v) + eps)',
        '        state["buf" + name] = buf',
        '        new_parameters[name] = p - learning_rate * buf',
      );
    } else {
      body.push('        new_parameters[name] = p - learning_rate * g / (np.sqrt(v) + eps)');
    }
  } else {
    args.push(`beta1=${py(spec.beta1)}`, `beta2=${py(spec.beta2)}`, `eps=${py(spec.eps)}`);
    body.push(
      '    # torch.optim.Adam, one step; state keeps the moments and the step count between calls',
      '    state["t"] = t = state.get("t", 0) + 1',
      '    for name, p in parameters.items():',
      grad,
      '        m = beta1 * state.get("m" + name, 0) + (1 - beta1) * g',
      '        v = beta2 * state.get("v" + name, 0) + (1 - beta2) * g ** 2',
      '        state["m" + name], state["v" + name] = m, v',
      '        denom = np.sqrt(v) / np.sqrt(1 - beta2 ** t) + eps',
      '        new_parameters[name] = p - learning_rate / (1 - beta1 ** t) * m / denom',
    );
  }
  if (wd) args.push(`weight_decay=${py(spec.weightDecay)}`);
  const [comment, ...rest] = body;
  return tagged(
    'update',
    `def update_parameters(parameters, grads, state, ${args.join(', ')}):`,
    comment,
    '    new_parameters = {}',
    ...rest,
    '    return new_parameters',
  );
}

function predict({ network }: CodeInput): CodeLine[] {
  const result = {
    sigmoid: '    return (A2 > 0.5).astype(float)',
    softmax: '    return np.argmax(A2, axis=0)  # the most probable class of each column',
  }[network.outputActivation as 'sigmoid' | 'softmax'] ?? '    return A2';
  return plain('def predict(parameters, X):', '    A2, cache = forward_propagation(X, parameters)', result);
}

/** The closing line: test accuracy for a classifier (argmax against the one-hot labels for softmax), else the test cost. */
function testLine({ network }: CodeInput): string {
  if (network.outputActivation === 'softmax') return 'print("test accuracy:", np.mean(predict(parameters, X_test) == np.argmax(Y_test, axis=0)))';
  if (network.outputActivation === 'sigmoid') return 'print("test accuracy:", np.mean(predict(parameters, X_test) == Y_test))';
  return 'print("test cost:", compute_cost(predict(parameters, X_test), Y_test))';
}

/** The training loop: full batch as the tutorial, or the app's shuffled mini-batches. */
function train(input: CodeInput): CodeLine[] {
  const { network, config } = input;
  const stateful = isStateful(input);
  const B = input.dataset.train.X.cols > (config.batchSize ?? Infinity) ? config.batchSize : null;
  const [Xb, Yb] = B === null ? ['X_train', 'Y_train'] : ['X_b', 'Y_b'];
  const lr = py(resolveOptimizerSpec(config.optimizer).lr);
  return plain(
    `parameters = initialize_parameters(${network.inputSize}, ${network.hiddenSize}, ${network.outputSize})`,
    ...(stateful ? ['state = {}'] : []),
    ...(B === null ? [] : [`m, batch_size = X_train.shape[1], ${B}`, 'batches = -(-m // batch_size)  # per epoch']),
    `for i in range(${ITERATIONS}):`,
    ...(B === null ? [] : [
      '    epoch, b = divmod(i, batches)',
      '    if b == 0:  # a new shuffle each epoch',
      `        np.random.seed(${config.shuffleSeed} + epoch)`,
      '        order = np.random.permutation(m)',
      '    idx = order[b * batch_size:(b + 1) * batch_size]',
      '    X_b, Y_b = X_train[:, idx], Y_train[:, idx]',
    ]),
    `    A2, cache = forward_propagation(${Xb}, parameters)`,
    `    cost = compute_cost(A2, ${Yb})`,
    `    grads = backward_propagation(parameters, cache, ${Xb}, ${Yb})`,
    `    parameters = update_parameters(parameters, grads, ${stateful ? 'state, ' : ''}learning_rate=${lr})`,
    '    if i % 1000 == 0:',
    '        print(f"iteration {i}: cost {cost:.6f}")',
    '',
    testLine(input),
  );
}

/** The whole NumPy listing for the configured network. */
export function numpyListing(input: CodeInput): Listing {
  const gap = plain('', '');
  return [
    ...plain('import numpy as np', ''),
    ...dataLines(input),
    ...gap,
    ...helpers(input),
    ...initialize(input), ...gap,
    ...forward(input), ...gap,
    ...cost(input), ...gap,
    ...backward(input), ...gap,
    ...update(input), ...gap,
    ...predict(input), ...gap,
    ...train(input),
  ];
}
