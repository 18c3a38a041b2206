/**
 * Lesson 4: from NumPy to PyTorch, on the tutorial's PyTorch example (10-5-1, ReLU, linear
 * output, MSE, SGD at 0.01, the "tutorial-pytorch" preset): nn.Linear is W and b, model(X) is
 * forward propagation, loss.backward() is the two backward phases, optimizer.step() the update.
 * The code panel's PyTorch tab is a view's own choice, so the text asks the learner to open it.
 */
import type { Lesson } from '../types';

export const numpyToPytorch: Lesson = {
  id: 'numpy-to-pytorch',
  title: { en: 'From NumPy to PyTorch', 'zh-CN': '从 NumPy 到 PyTorch' },
  summary: {
    en: 'The tutorial\'s PyTorch example line by line: nn.Linear is W and b, loss.backward() is backpropagation, optimizer.step() is the update.',
    'zh-CN': '逐行对照教程的 PyTorch 示例：nn.Linear 就是 W 和 b，loss.backward() 就是反向传播，optimizer.step() 就是更新。',
  },
  minutes: 10,
  settings: 'data=tutorial-pytorch&hidden=5&g1=relu&g2=linear&loss=mse&init=he&seed=1&lr=0.01',
  steps: [
    {
      iteration: 0, phase: 'forward-hidden', emphasis: ['code', 'network'],
      title: { en: 'The same network, in PyTorch', 'zh-CN': '同一个网络，用 PyTorch 写' },
      text: {
        en: 'This is the tutorial\'s PyTorch example: {n} inputs, {h} ReLU hidden neurons and {o} linear output, trained on {m} samples with mean squared error and SGD at lr = {lr}.\n\nOpen the PyTorch tab of the code panel and compare it with the NumPy tab: same network, same starting weights, same numbers. One difference: PyTorch puts samples in rows, so X_t is Xᵀ, {m} × {n}.',
        'zh-CN': '这是教程的 PyTorch 示例：{n} 个输入、{h} 个 ReLU 隐藏神经元、{o} 个线性输出，用均方误差和学习率 lr = {lr} 的 SGD 在 {m} 个样本上训练。\n\n打开代码面板的 PyTorch 标签页，和 NumPy 标签页对照：同样的网络、同样的初始权重、同样的数。有一点不同：PyTorch 把样本放在行上，所以 X_t 是 Xᵀ，大小为 {m} × {n}。',
      },
    },
    {
      iteration: 0, phase: 'forward-hidden', emphasis: ['code', 'matrices'], highlight: { matrix: 'W1' },
      title: { en: 'nn.Linear is W and b', 'zh-CN': 'nn.Linear 就是 W 和 b' },
      text: {
        en: 'self.hidden = nn.Linear({n}, {h}) holds a weight of shape {h} × {n} — that is W1 — and a bias, b1. self.hidden(X) computes X · W1ᵀ + b1, the transpose of NumPy\'s W1 · X + b1, so the numbers agree: z for hidden neuron 1 and sample 1 is {Z1[0][s]} in both.',
        'zh-CN': 'self.hidden = nn.Linear({n}, {h}) 里有一个 {h} × {n} 的权重——就是 W1——和一个偏置 b1。self.hidden(X) 计算 X · W1ᵀ + b1，正好是 NumPy 中 W1 · X + b1 的转置，所以数是一样的：隐藏神经元 1、样本 1 的 z 在两边都是 {Z1[0][s]}。',
      },
      question: {
        kind: 'number', tolerance: 0.001,
        prompt: { en: 'How many numbers does nn.Linear({n}, {h}) learn?', 'zh-CN': 'nn.Linear({n}, {h}) 要学习多少个数？' },
        answer: 'h * n + h',
        mistakes: [
          { value: 'h * n', says: { en: 'That is the weight alone. nn.Linear has a bias too (bias=True by default): b1, {h} more numbers.', 'zh-CN': '这只是权重。nn.Linear 还有偏置（默认 bias=True）：b1，还有 {h} 个数。' }, highlight: { matrix: 'b1' } },
          { value: 'h + n', says: { en: 'A weight connects every input to every hidden neuron: {h} × {n} of them, plus the biases.', 'zh-CN': '每个输入和每个隐藏神经元之间都有一个权重：共 {h} × {n} 个，再加上偏置。' }, highlight: { matrix: 'W1' } },
        ],
        explain: {
          en: '{h} × {n} = {h * n} weights plus {h} biases: {h * n + h}. model.hidden.weight is W1 and model.hidden.bias is b1; likewise self.output = nn.Linear({h}, {o}) holds W2 and b2.',
          'zh-CN': '{h} × {n} = {h * n} 个权重，加上 {h} 个偏置：共 {h * n + h} 个。model.hidden.weight 就是 W1，model.hidden.bias 就是 b1；同样，self.output = nn.Linear({h}, {o}) 里是 W2 和 b2。',
        },
      },
    },
    {
      iteration: 0, phase: 'forward-output', neuron: [2, 0], emphasis: ['code', 'equations'],
      title: { en: 'model(X_t) is forward propagation', 'zh-CN': 'model(X_t) 就是前向传播' },
      text: {
        en: 'output = model(X_t) runs forward(): Z1 = self.hidden(X), A1 = torch.relu(Z1), Z2 = self.output(A1). This is regression, so the output has no activation: A2 = Z2. For sample 1 the prediction is {A2[0][s]} and the target is {Y[0][s]}.',
        'zh-CN': 'output = model(X_t) 执行 forward()：Z1 = self.hidden(X)，A1 = torch.relu(Z1)，Z2 = self.output(A1)。这是回归问题，所以输出没有激活函数：A2 = Z2。样本 1 的预测值是 {A2[0][s]}，目标值是 {Y[0][s]}。',
      },
      question: {
        kind: 'number', tolerance: 0.02,
        prompt: {
          en: 'loss = criterion(output, Y_t) with criterion = nn.MSELoss() is compute_cost. What is sample 1\'s squared error? (within 2 %)',
          'zh-CN': 'loss = criterion(output, Y_t)，其中 criterion = nn.MSELoss()，这就是 compute_cost。样本 1 的平方误差是多少？（误差 2 % 以内）',
        },
        answer: '(A2[0][s] - Y[0][s])^2',
        mistakes: [
          { value: 'A2[0][s] - Y[0][s]', says: { en: 'That is the error itself; mean squared error squares it.', 'zh-CN': '这是误差本身；均方误差要把它平方。' } },
          { value: '(A2[0][s] - Y[0][s])^2 / 2', says: { en: 'Some textbooks halve the squared error; nn.MSELoss does not.', 'zh-CN': '有些教材会把平方误差除以 2；nn.MSELoss 不会。' } },
        ],
        explain: {
          en: '({A2[0][s]} − {Y[0][s]})² = {(A2[0][s] - Y[0][s])^2}. nn.MSELoss averages such squares over all {m} samples: the loss is {loss@loss}.',
          'zh-CN': '({A2[0][s]} − {Y[0][s]})² = {(A2[0][s] - Y[0][s])^2}。nn.MSELoss 对全部 {m} 个样本的平方误差取平均：损失是 {loss@loss}。',
        },
      },
    },
    {
      iteration: 0, phase: 'loss', neuron: [2, 0], emphasis: ['code', 'equations'],
      title: { en: 'loss.backward() is backpropagation', 'zh-CN': 'loss.backward() 就是反向传播' },
      text: {
        en: 'The loss is {loss}. In PyTorch one line, loss.backward(), does everything NumPy\'s backward_propagation writes out: autograd walks back through what forward() recorded and fills .grad for every parameter — the output layer first (dZ2, dW2, db2), then the hidden layer (dA1, dZ1, dW1, db1). The code panel highlights that one line in both backward phases.',
        'zh-CN': '损失是 {loss}。在 PyTorch 里，一行 loss.backward() 就完成了 NumPy 中 backward_propagation 写出来的全部内容：autograd 沿着 forward() 记录下的计算往回走，为每个参数填好 .grad——先是输出层（dZ2、dW2、db2），再是隐藏层（dA1、dZ1、dW1、db1）。在两个反向传播阶段，代码面板高亮的都是这一行。',
      },
      question: {
        kind: 'number', tolerance: 0.02,
        prompt: {
          en: 'Backpropagation starts with dZ2. For mean squared error and a linear output, what is dz₂ for sample 1? (within 2 %)',
          'zh-CN': '反向传播从 dZ2 开始。对均方误差和线性输出，样本 1 的 dz₂ 是多少？（误差 2 % 以内）',
        },
        answer: 'dZ2[0][s]@backward-output',
        mistakes: [
          { value: 'A2[0][s] - Y[0][s]', says: { en: 'A2 − Y is right for a sigmoid with cross-entropy. The derivative of (a − y)² is 2(a − y).', 'zh-CN': 'A2 − Y 适用于 sigmoid 加交叉熵。(a − y)² 的导数是 2(a − y)。' } },
          { value: '2 * (A2[0][s] - Y[0][s]) / m', says: { en: 'That is what PyTorch would store as Z2\'s gradient: the mean puts 1/m into every sample\'s derivative. The app, like the NumPy code, keeps dZ2 per sample and divides by m in dW2 and db2.', 'zh-CN': '这是 PyTorch 中 Z2 的梯度：取平均让每个样本的导数都带上 1/m。本应用和 NumPy 代码一样，dZ2 按单个样本计算，在 dW2 和 db2 中再除以 m。' } },
        ],
        explain: {
          en: 'd(a − y)²/da = 2(a − y) = 2 · ({A2[0][s]} − {Y[0][s]}) = {dZ2[0][s]@backward-output}. The linear output\'s slope is 1, so nothing else multiplies it.',
          'zh-CN': 'd(a − y)²/da = 2(a − y) = 2 · ({A2[0][s]} − {Y[0][s]}) = {dZ2[0][s]@backward-output}。线性输出的斜率是 1，所以不再乘别的因子。',
        },
      },
    },
    {
      iteration: 0, phase: 'backward-output', neuron: [1, 2], highlight: { neuron: [1, 2] }, emphasis: ['network', 'equations'],
      title: { en: 'Through ReLU', 'zh-CN': '穿过 ReLU' },
      text: {
        en: 'dz₂ = {dZ2[0][s]}. Next, the hidden layer: ReLU\'s slope is 1 where z > 0 and 0 where z ≤ 0. For sample 1, hidden neuron 3 has z = {Z1[2][s]}, and the error arriving at it is da = W2[0][2] · dz₂ = {W2[0][2] * dZ2[0][s]}.',
        'zh-CN': 'dz₂ = {dZ2[0][s]}。接下来是隐藏层：ReLU 的斜率在 z > 0 时是 1，在 z ≤ 0 时是 0。对样本 1，隐藏神经元 3 的 z = {Z1[2][s]}，传到它这里的误差是 da = W2[0][2] · dz₂ = {W2[0][2] * dZ2[0][s]}。',
      },
      question: {
        kind: 'sign',
        prompt: { en: 'Is dz for hidden neuron 3 and sample 1 positive, negative or zero?', 'zh-CN': '隐藏神经元 3、样本 1 的 dz 是正、负还是零？' },
        answer: 'dZ1[2][s]@backward-hidden',
        explain: {
          en: 'dz = da · relu′(z) = {W2[0][2] * dZ2[0][s]} · {Z1[2][s] > 0} = {dZ1[2][s]@backward-hidden}. A ReLU that is off for a sample passes no gradient back for it: its weights learn only from the samples that switch it on.',
          'zh-CN': 'dz = da · relu′(z) = {W2[0][2] * dZ2[0][s]} · {Z1[2][s] > 0} = {dZ1[2][s]@backward-hidden}。对某个样本关闭的 ReLU 不会为这个样本往回传梯度：它的权重只从让它打开的样本中学习。',
        },
      },
    },
    {
      iteration: 0, phase: 'backward-hidden', emphasis: ['code', 'matrices'], highlight: { matrix: 'dW1' },
      title: { en: 'The .grad fields', 'zh-CN': '.grad 属性' },
      text: {
        en: 'After loss.backward(), model.hidden.weight.grad holds dW1 ({h} × {n}) and model.hidden.bias.grad holds db1: for example dW1[0][0] = {dW1[0][0]}, the same number NumPy\'s backward_propagation returns in grads["dW1"]. PyTorch adds new gradients to .grad, which is why the loop calls optimizer.zero_grad() first.',
        'zh-CN': '执行 loss.backward() 之后，model.hidden.weight.grad 里是 dW1（{h} × {n}），model.hidden.bias.grad 里是 db1：例如 dW1[0][0] = {dW1[0][0]}，和 NumPy 的 backward_propagation 在 grads["dW1"] 中返回的数一样。PyTorch 会把新的梯度累加到 .grad 上，所以循环里先调用 optimizer.zero_grad()。',
      },
      question: {
        kind: 'choice', pick: 'true',
        prompt: { en: 'Which line changes the weights?', 'zh-CN': '哪一行会改变权重？' },
        options: [
          { label: { en: 'loss = criterion(output, Y_t)', 'zh-CN': 'loss = criterion(output, Y_t)' }, value: 'W2[0][0]@loss != W2[0][0]@forward-hidden', says: { en: 'The loss only measures; W2[0][0] is still {W2[0][0]}.', 'zh-CN': '损失只是度量；W2[0][0] 仍然是 {W2[0][0]}。' } },
          { label: { en: 'loss.backward()', 'zh-CN': 'loss.backward()' }, value: 'W2[0][0]@backward-hidden != W2[0][0]@forward-hidden', says: { en: 'backward() only fills .grad. W2[0][0] is still {W2[0][0]}, the value forward() used.', 'zh-CN': 'backward() 只填写 .grad。W2[0][0] 仍然是 {W2[0][0]}，也就是 forward() 用过的值。' } },
          { label: { en: 'optimizer.step()', 'zh-CN': 'optimizer.step()' }, value: 'next.W2[0][0]@update != W2[0][0]@forward-hidden' },
        ],
        explain: {
          en: 'Only optimizer.step() writes the parameters: W2[0][0] goes from {W2[0][0]} to {next.W2[0][0]@update} in the next phase.',
          'zh-CN': '只有 optimizer.step() 会写入参数：下一个阶段里 W2[0][0] 从 {W2[0][0]} 变成 {next.W2[0][0]@update}。',
        },
      },
    },
    {
      iteration: 0, phase: 'update', edge: [2, 0, 0], highlight: { edge: [2, 0, 0] }, emphasis: ['code', 'equations'],
      title: { en: 'optimizer.step() is update_parameters', 'zh-CN': 'optimizer.step() 就是 update_parameters' },
      text: {
        en: 'optim.SGD(model.parameters(), lr={lr}) does W ← W − lr · W.grad for every parameter: W2[0][0] = {W2[0][0]} − {lr} · {dW2[0][0]} = {next.W2[0][0]}. Build the optimizer with optim.Adam instead and the loop stays the same: optimizer.step() then applies Adam\'s rule.',
        'zh-CN': 'optim.SGD(model.parameters(), lr={lr}) 对每个参数执行 W ← W − lr · W.grad：W2[0][0] = {W2[0][0]} − {lr} · {dW2[0][0]} = {next.W2[0][0]}。如果改用 optim.Adam 来创建优化器，循环完全不用改：optimizer.step() 就会按 Adam 的规则更新。',
      },
    },
    {
      iteration: 2000, phase: 'loss', emphasis: ['curves', 'code'],
      title: { en: 'The training loop', 'zh-CN': '训练循环' },
      text: {
        en: 'Each pass of the loop is one iteration: zero_grad, forward, loss, backward, step. At iteration {iteration} the loss is {loss}, the number the PyTorch code prints there — and the NumPy code too, since both compute the same thing in float64.',
        'zh-CN': '循环每走一遍就是一次迭代：zero_grad、前向传播、损失、反向传播、step。到第 {iteration} 次迭代，损失是 {loss}，也就是 PyTorch 代码在这里打印的数——NumPy 代码也一样，因为两者都用 float64 计算同样的东西。',
      },
    },
  ],
};
