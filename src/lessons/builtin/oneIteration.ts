/**
 * Lesson 1: the tutorial's 2-4-1 network through one training iteration, in the tutorial's own
 * order and names (forward_propagation, compute_cost, backward_propagation, update_parameters).
 */
import type { Lesson } from '../types';

export const oneIteration: Lesson = {
  id: 'one-iteration',
  title: { en: 'One iteration, slowly', 'zh-CN': '慢慢走完一次迭代' },
  summary: {
    en: 'The tutorial\'s 2-4-1 network through the six phases: forward, cost, backward, update — with every number.',
    'zh-CN': '教程中的 2-4-1 网络走过六个阶段：前向传播、代价、反向传播、更新——每个数都看得见。',
  },
  minutes: 15,
  settings: '',
  steps: [
    {
      iteration: 0, phase: 'forward-hidden', emphasis: ['network'],
      title: { en: 'The network and its data', 'zh-CN': '网络和数据' },
      text: {
        en: 'This is the tutorial\'s network: 2 inputs, a hidden layer of {h} tanh neurons and 1 sigmoid output. It learns from {m} training samples, stored as the columns of X (2 × {m}), each labelled 0 or 1 in Y.\n\nOne training iteration has six phases. We will walk through iteration 0 phase by phase. Press Next (or N) to go on, Back (or P) to return; the studio\'s own keys (→, ←) still work.',
        'zh-CN': '这是教程里的网络：2 个输入，一个有 {h} 个 tanh 神经元的隐藏层，以及 1 个 sigmoid 输出。它从 {m} 个训练样本中学习，样本按列存放在 X（2 × {m}）中，每个样本在 Y 中的标签是 0 或 1。\n\n一次训练迭代有六个阶段。我们一个阶段一个阶段地走完第 0 次迭代。按“下一步”（或 N）继续，按“上一步”（或 P）返回；工作室自己的按键（→、←）照常可用。',
      },
    },
    {
      iteration: 0, phase: 'forward-hidden', emphasis: ['network'], highlight: { matrix: 'W1' },
      title: { en: 'initialize_parameters: tiny random weights', 'zh-CN': 'initialize_parameters：很小的随机权重' },
      text: {
        en: 'Before training, initialize_parameters draws W1 (4 × 2) and W2 (1 × 4) from a normal distribution and multiplies them by 0.01; the biases start at 0. So W1[0][0] is {W1[0][0]} and W2[0][0] is {W2[0][0]}.\n\nSmall weights keep tanh in its steep middle, where it learns fastest. Watch the edges of the diagram: their width is the size of the weight.',
        'zh-CN': '训练开始前，initialize_parameters 从正态分布中抽取 W1（4 × 2）和 W2（1 × 4），再乘以 0.01；偏置从 0 开始。所以 W1[0][0] 是 {W1[0][0]}，W2[0][0] 是 {W2[0][0]}。\n\n权重小，tanh 就处在中间最陡的部分，学得最快。看图中的边：边的粗细就是权重的大小。',
      },
    },
    {
      iteration: 0, phase: 'forward-hidden', neuron: [1, 0], highlight: { neuron: [1, 0] }, emphasis: ['equations'],
      title: { en: 'forward_propagation: the hidden layer', 'zh-CN': 'forward_propagation：隐藏层' },
      text: {
        en: 'Each hidden neuron takes a weighted sum of the inputs plus its bias, then applies tanh. For sample 1 (x₁ = {X[0][s]}, x₂ = {X[1][s]}) and hidden neuron 1:\n\nz = {W1[0][0]} · {X[0][s]} + {W1[0][1]} · {X[1][s]} + {b1[0][0]} = {Z1[0][s]}, and a = tanh(z) = {A1[0][s]}.\n\nThe code does this for all {m} samples at once: Z1 = np.dot(W1, X) + b1 gives a 4 × {m} matrix.',
        'zh-CN': '每个隐藏神经元先对输入加权求和再加上偏置，然后取 tanh。对样本 1（x₁ = {X[0][s]}，x₂ = {X[1][s]}）和隐藏神经元 1：\n\nz = {W1[0][0]} · {X[0][s]} + {W1[0][1]} · {X[1][s]} + {b1[0][0]} = {Z1[0][s]}，a = tanh(z) = {A1[0][s]}。\n\n代码一次算出全部 {m} 个样本：Z1 = np.dot(W1, X) + b1 得到一个 4 × {m} 的矩阵。',
      },
      question: {
        kind: 'choice', pick: 'largest-magnitude',
        prompt: { en: 'For sample 1, which hidden neuron has the largest |z|?', 'zh-CN': '对样本 1，哪个隐藏神经元的 |z| 最大？' },
        options: [
          { label: { en: 'Neuron 1', 'zh-CN': '神经元 1' }, value: 'Z1[0][s]' },
          { label: { en: 'Neuron 2', 'zh-CN': '神经元 2' }, value: 'Z1[1][s]' },
          { label: { en: 'Neuron 3', 'zh-CN': '神经元 3' }, value: 'Z1[2][s]' },
          { label: { en: 'Neuron 4', 'zh-CN': '神经元 4' }, value: 'Z1[3][s]' },
        ],
        explain: {
          en: 'z for the four neurons: {Z1[0][s]}, {Z1[1][s]}, {Z1[2][s]}, {Z1[3][s]}. Each neuron has its own row of W1, so each sees the same input differently. Hover a hidden neuron in the diagram to read its z.',
          'zh-CN': '四个神经元的 z：{Z1[0][s]}、{Z1[1][s]}、{Z1[2][s]}、{Z1[3][s]}。每个神经元有 W1 中属于自己的一行，所以同一个输入在它们看来各不相同。把鼠标停在图中的隐藏神经元上可以读出它的 z。',
        },
      },
    },
    {
      iteration: 0, phase: 'forward-hidden', neuron: [2, 0], highlight: { neuron: [2, 0] },
      title: { en: 'Predict the output', 'zh-CN': '预测输出' },
      text: {
        en: 'The hidden layer is done: for sample 1, A1 is {A1[0][s]}, {A1[1][s]}, {A1[2][s]}, {A1[3][s]}. Next the output neuron computes z₂ = W2 · a₁ + b2 and a₂ = σ(z₂), the network\'s probability that the label is 1.',
        'zh-CN': '隐藏层算完了：对样本 1，A1 是 {A1[0][s]}、{A1[1][s]}、{A1[2][s]}、{A1[3][s]}。接下来输出神经元计算 z₂ = W2 · a₁ + b2 和 a₂ = σ(z₂)，也就是网络认为标签为 1 的概率。',
      },
      question: {
        kind: 'choice', pick: 'true',
        prompt: { en: 'Before you press Next: with weights this small, where will a₂ be for sample 1?', 'zh-CN': '按“下一步”之前先想想：权重这么小，样本 1 的 a₂ 会在哪里？' },
        options: [
          { label: { en: 'Well above 0.5 (above 0.6)', 'zh-CN': '明显大于 0.5（大于 0.6）' }, value: 'A2[0][s]@forward-output > 0.6' },
          { label: { en: 'Within 0.01 of 0.5', 'zh-CN': '离 0.5 不到 0.01' }, value: 'abs(A2[0][s]@forward-output - 0.5) < 0.01' },
          { label: { en: 'Well below 0.5 (below 0.4)', 'zh-CN': '明显小于 0.5（小于 0.4）' }, value: 'A2[0][s]@forward-output < 0.4' },
        ],
        explain: {
          en: 'z₂ = {Z2[0][s]@forward-output} is tiny because every weight is about 0.01, and σ(z₂) = {A2[0][s]@forward-output}: the untrained network says "50 : 50" for every sample.',
          'zh-CN': '因为每个权重都只有 0.01 左右，z₂ = {Z2[0][s]@forward-output} 非常小，σ(z₂) = {A2[0][s]@forward-output}：未训练的网络对每个样本都说“一半一半”。',
        },
      },
    },
    {
      iteration: 0, phase: 'forward-output', neuron: [2, 0], emphasis: ['equations'],
      title: { en: 'forward_propagation: the output', 'zh-CN': 'forward_propagation：输出层' },
      text: {
        en: 'z₂ = W2 · a₁ + b2 = {Z2[0][s]} and a₂ = σ(z₂) = {A2[0][s]}. For all samples: Z2 = np.dot(W2, A1) + b2 and A2 = sigmoid(Z2), both 1 × {m}.\n\npredict() will call a sample class 1 when a₂ > 0.5.',
        'zh-CN': 'z₂ = W2 · a₁ + b2 = {Z2[0][s]}，a₂ = σ(z₂) = {A2[0][s]}。对全部样本：Z2 = np.dot(W2, A1) + b2，A2 = sigmoid(Z2)，都是 1 × {m}。\n\npredict() 在 a₂ > 0.5 时把样本判为类别 1。',
      },
      question: {
        kind: 'number', tolerance: 0.02,
        prompt: {
          en: 'compute_cost is next: L = −mean(Y · log A2 + (1 − Y) · log(1 − A2)). With every a₂ ≈ 0.5, what will the cost be? (2 % is close enough.)',
          'zh-CN': '下一步是 compute_cost：L = −mean(Y · log A2 + (1 − Y) · log(1 − A2))。既然每个 a₂ ≈ 0.5，代价会是多少？（误差 2 % 以内即可。）',
        },
        answer: 'loss@loss',
        mistakes: [
          { value: 'log(0.5)', says: { en: 'That is log 0.5 itself; the cost has a minus sign in front, so it is positive.', 'zh-CN': '这是 log 0.5 本身；代价前面有个负号，所以是正数。' } },
          { value: '0.5', says: { en: 'That is a₂, the probability. The cost is the negative log of the probability given to the true label.', 'zh-CN': '这是概率 a₂。代价是“给真实标签的概率”的负对数。' } },
        ],
        explain: {
          en: 'Whatever the label, the true class gets probability ≈ 0.5, so each sample costs −log 0.5 ≈ 0.6931, and so does their mean: L = {loss@loss}. The tutorial prints 0.693147 at iteration 0 for the same reason.',
          'zh-CN': '无论标签是什么，真实类别得到的概率都约为 0.5，所以每个样本的代价是 −log 0.5 ≈ 0.6931，平均值也是：L = {loss@loss}。教程在第 0 次迭代打印 0.693147 也是这个原因。',
        },
      },
    },
    {
      iteration: 0, phase: 'loss', emphasis: ['equations', 'curves'],
      title: { en: 'compute_cost', 'zh-CN': 'compute_cost：计算代价' },
      text: {
        en: 'The cost of iteration 0 is L = {loss}: one number for how wrong the network is on all {m} samples, averaged. Training will push it down; the curves panel draws it once per iteration.',
        'zh-CN': '第 0 次迭代的代价是 L = {loss}：一个数，表示网络在全部 {m} 个样本上平均错了多少。训练会让它下降；曲线面板每次迭代画一个点。',
      },
      question: {
        kind: 'sign',
        prompt: {
          en: 'backward_propagation starts with dZ2 = A2 − Y. Sample 1 has y = {Y[0][s]} and a₂ = {A2[0][s]}. Is its dz₂ positive, negative or zero?',
          'zh-CN': 'backward_propagation 从 dZ2 = A2 − Y 开始。样本 1 的 y = {Y[0][s]}，a₂ = {A2[0][s]}。它的 dz₂ 是正、负还是零？',
        },
        answer: 'dZ2[0][s]@backward-output',
        explain: {
          en: 'dz₂ = a₂ − y = {A2[0][s]} − {Y[0][s]} = {dZ2[0][s]@backward-output}. Its sign says which way the output should move: a positive dz₂ means "lower a₂", a negative one "raise it".',
          'zh-CN': 'dz₂ = a₂ − y = {A2[0][s]} − {Y[0][s]} = {dZ2[0][s]@backward-output}。它的符号说明输出应该往哪边动：dz₂ 为正表示“降低 a₂”，为负表示“提高 a₂”。',
        },
      },
    },
    {
      iteration: 0, phase: 'backward-output', neuron: [2, 0], emphasis: ['equations', 'matrices'], highlight: { matrix: 'dW2' },
      title: { en: 'backward_propagation: the output layer', 'zh-CN': 'backward_propagation：输出层' },
      text: {
        en: 'dZ2 = A2 − Y: for sample 1, {dZ2[0][s]}. Why no σ′? The derivative of the cross-entropy, −y/a + (1 − y)/(1 − a), times σ′ = a(1 − a), simplifies to exactly a − y.\n\nThen dW2 = (1/m) · dZ2 · A1ᵀ and db2 = (1/m) · Σ dZ2: dW2[0][0] = {dW2[0][0]}, db2 = {db2[0][0]}. The 1/m makes them averages over the {m} samples.',
        'zh-CN': 'dZ2 = A2 − Y：对样本 1 是 {dZ2[0][s]}。为什么没有 σ′？交叉熵的导数 −y/a + (1 − y)/(1 − a) 乘以 σ′ = a(1 − a)，恰好化简成 a − y。\n\n然后 dW2 = (1/m) · dZ2 · A1ᵀ，db2 = (1/m) · Σ dZ2：dW2[0][0] = {dW2[0][0]}，db2 = {db2[0][0]}。1/m 让它们成为 {m} 个样本上的平均值。',
      },
      question: {
        kind: 'choice', pick: 'true',
        prompt: { en: 'The gradients for W2 are computed. Has W2 itself changed yet?', 'zh-CN': 'W2 的梯度已经算好了。W2 本身已经变了吗？' },
        options: [
          { label: { en: 'Yes: backward-output wrote the new W2', 'zh-CN': '变了：反向传播输出层时已经写入新的 W2' }, value: 'W2[0][0] != W2[0][0]@forward-hidden', says: { en: 'Backward phases only compute gradients. W2 still holds {W2[0][0]}, the value forward propagation used; it changes in update_parameters.', 'zh-CN': '反向传播只计算梯度。W2 仍然是 {W2[0][0]}，也就是前向传播用过的值；它要到 update_parameters 才改变。' } },
          { label: { en: 'No: it changes only in the update phase', 'zh-CN': '没变：只有在更新阶段才改变' }, value: 'W2[0][0] == W2[0][0]@forward-hidden' },
        ],
        explain: {
          en: 'W2[0][0] is still {W2[0][0]}. Backpropagation needs the old weights: dA1 = W2ᵀ · dZ2 is next, and it uses this W2.',
          'zh-CN': 'W2[0][0] 仍然是 {W2[0][0]}。反向传播需要旧的权重：下一步 dA1 = W2ᵀ · dZ2 用的就是这个 W2。',
        },
      },
    },
    {
      iteration: 0, phase: 'backward-output', neuron: [1, 0], edge: [2, 0, 0],
      title: { en: 'Predict the hidden layer\'s gradient', 'zh-CN': '预测隐藏层的梯度' },
      text: {
        en: 'The error flows back through W2 and then through tanh. For hidden neuron 1 and sample 1 the chain rule multiplies three numbers: w₂ = {W2[0][0]}, dz₂ = {dZ2[0][s]} and tanh′(z₁) = 1 − a₁² with a₁ = {A1[0][s]}.',
        'zh-CN': '误差先经过 W2 再经过 tanh 往回传。对隐藏神经元 1 和样本 1，链式法则把三个数相乘：w₂ = {W2[0][0]}，dz₂ = {dZ2[0][s]}，以及 tanh′(z₁) = 1 − a₁²，其中 a₁ = {A1[0][s]}。',
      },
      question: {
        kind: 'number', tolerance: 0.02,
        prompt: { en: 'What is dz₁ for hidden neuron 1 and sample 1? (within 2 %)', 'zh-CN': '隐藏神经元 1、样本 1 的 dz₁ 是多少？（误差 2 % 以内）' },
        answer: 'dZ1[0][s]@backward-hidden',
        mistakes: [
          { value: 'W2[0][0] * dZ2[0][s]', says: { en: 'That is dA1, before tanh: multiply by tanh′(z₁) = 1 − a₁² = {1 - A1[0][s]^2} too.', 'zh-CN': '这是经过 tanh 之前的 dA1：还要乘以 tanh′(z₁) = 1 − a₁² = {1 - A1[0][s]^2}。' }, highlight: { panel: 'equations' } },
          { value: 'W2[0][0] + dZ2[0][s] + (1 - A1[0][s]^2)', says: { en: 'The chain rule multiplies the factors, it does not add them.', 'zh-CN': '链式法则是把各个因子相乘，而不是相加。' } },
        ],
        explain: {
          en: 'dz₁ = w₂ · dz₂ · (1 − a₁²) = {W2[0][0]} · {dZ2[0][s]} · {1 - A1[0][s]^2} = {dZ1[0][s]@backward-hidden}. It is tiny because w₂ is tiny: a small weight passes little blame back.',
          'zh-CN': 'dz₁ = w₂ · dz₂ · (1 − a₁²) = {W2[0][0]} · {dZ2[0][s]} · {1 - A1[0][s]^2} = {dZ1[0][s]@backward-hidden}。它很小，是因为 w₂ 很小：小的权重往回传的“责任”也少。',
        },
      },
    },
    {
      iteration: 0, phase: 'backward-hidden', neuron: [1, 0], edge: [1, 0, 0], highlight: { edge: [1, 0, 0] }, emphasis: ['equations'],
      title: { en: 'backward_propagation: the hidden layer', 'zh-CN': 'backward_propagation：隐藏层' },
      text: {
        en: 'dZ1 = W2ᵀ · dZ2 ⊙ (1 − A1²): for neuron 1, sample 1, {dZ1[0][s]}. Then, exactly as for the output layer, dW1 = (1/m) · dZ1 · Xᵀ and db1 = (1/m) · Σ dZ1.\n\nFor the highlighted edge, dW1[0][0] = {dW1[0][0]}: how much the cost would rise per unit increase of W1[0][0], averaged over the samples.',
        'zh-CN': 'dZ1 = W2ᵀ · dZ2 ⊙ (1 − A1²)：对神经元 1、样本 1 是 {dZ1[0][s]}。然后和输出层一样，dW1 = (1/m) · dZ1 · Xᵀ，db1 = (1/m) · Σ dZ1。\n\n对高亮的边，dW1[0][0] = {dW1[0][0]}：W1[0][0] 每增加一个单位，代价（对样本平均后）大约增加多少。',
      },
      question: {
        kind: 'choice', pick: 'smallest',
        prompt: { en: 'In the code, dZ1 = np.dot(W2.T, dZ2) * (…). Which factor is tanh′ here?', 'zh-CN': '代码里 dZ1 = np.dot(W2.T, dZ2) * (…)。这里的 tanh′ 是哪个因子？' },
        options: [
          { label: { en: '1 − A1², from the activations', 'zh-CN': '1 − A1²，用激活值算' }, value: 'abs(dZ1[0][s] - W2[0][0] * dZ2[0][s] * (1 - A1[0][s]^2))' },
          { label: { en: '1 − Z1², from the weighted sums', 'zh-CN': '1 − Z1²，用加权和算' }, value: 'abs(dZ1[0][s] - W2[0][0] * dZ2[0][s] * (1 - Z1[0][s]^2))', says: { en: 'tanh′(z) = 1 − tanh(z)² = 1 − a². Here z₁ = {Z1[0][s]} and a₁ = {A1[0][s]} are almost equal (tanh z ≈ z for small z), so the numbers barely differ — but only 1 − a² is the derivative.', 'zh-CN': 'tanh′(z) = 1 − tanh(z)² = 1 − a²。这里 z₁ = {Z1[0][s]} 和 a₁ = {A1[0][s]} 几乎相等（z 很小时 tanh z ≈ z），所以数值差不多——但只有 1 − a² 才是导数。' } },
          { label: { en: 'A1 · (1 − A1), as for the sigmoid', 'zh-CN': 'A1 · (1 − A1)，和 sigmoid 一样' }, value: 'abs(dZ1[0][s] - W2[0][0] * dZ2[0][s] * A1[0][s] * (1 - A1[0][s]))', says: { en: 'a(1 − a) is the sigmoid\'s derivative; the hidden layer uses tanh.', 'zh-CN': 'a(1 − a) 是 sigmoid 的导数；隐藏层用的是 tanh。' } },
        ],
        explain: {
          en: 'tanh′(z) = 1 − a²: the code writes (1 - np.power(A1, 2)). With a₁ = {A1[0][s]}: 1 − a₁² = {1 - A1[0][s]^2}.',
          'zh-CN': 'tanh′(z) = 1 − a²：代码写作 (1 - np.power(A1, 2))。a₁ = {A1[0][s]} 时，1 − a₁² = {1 - A1[0][s]^2}。',
        },
      },
    },
    {
      iteration: 0, phase: 'backward-hidden', edge: [1, 0, 0], highlight: { edge: [1, 0, 0] },
      title: { en: 'Which way will the weight move?', 'zh-CN': '权重会往哪边动？' },
      text: {
        en: 'update_parameters is next: W1 = W1 − learning_rate · dW1, with learning_rate = {lr}. For the highlighted edge, W1[0][0] = {W1[0][0]} and dW1[0][0] = {dW1[0][0]}.',
        'zh-CN': '下一步是 update_parameters：W1 = W1 − learning_rate · dW1，learning_rate = {lr}。对高亮的边，W1[0][0] = {W1[0][0]}，dW1[0][0] = {dW1[0][0]}。',
      },
      question: {
        kind: 'choice', pick: 'true',
        prompt: { en: 'After the update, is W1[0][0] larger or smaller than now?', 'zh-CN': '更新之后，W1[0][0] 比现在大还是小？' },
        options: [
          { label: { en: 'Larger', 'zh-CN': '更大' }, value: 'next.W1[0][0]@update > W1[0][0]', says: { en: 'dW1[0][0] = {dW1[0][0]}: the update moves the weight against the gradient, by −lr · dW1 = {-lr * dW1[0][0]}.', 'zh-CN': 'dW1[0][0] = {dW1[0][0]}：更新让权重逆着梯度移动，移动量是 −lr · dW1 = {-lr * dW1[0][0]}。' } },
          { label: { en: 'Smaller', 'zh-CN': '更小' }, value: 'next.W1[0][0]@update < W1[0][0]', says: { en: 'dW1[0][0] = {dW1[0][0]}: the update moves the weight against the gradient, by −lr · dW1 = {-lr * dW1[0][0]}.', 'zh-CN': 'dW1[0][0] = {dW1[0][0]}：更新让权重逆着梯度移动，移动量是 −lr · dW1 = {-lr * dW1[0][0]}。' } },
        ],
        explain: {
          en: 'The gradient points uphill (where the cost grows), so gradient descent steps the other way: W1[0][0] goes from {W1[0][0]} to {next.W1[0][0]@update}, a change of {-lr * dW1[0][0]}.',
          'zh-CN': '梯度指向“上坡”（代价增大的方向），所以梯度下降往反方向走：W1[0][0] 从 {W1[0][0]} 变成 {next.W1[0][0]@update}，变化了 {-lr * dW1[0][0]}。',
        },
      },
    },
    {
      iteration: 0, phase: 'update', edge: [2, 0, 0], highlight: { edge: [2, 0, 0] }, emphasis: ['equations'],
      title: { en: 'update_parameters', 'zh-CN': 'update_parameters：更新参数' },
      text: {
        en: 'Every parameter takes one step against its gradient: W2[0][0] = {W2[0][0]} − {lr} · {dW2[0][0]} = {next.W2[0][0]}. The same for W1, b1 and b2, all at once.\n\nThis is the only phase that changes the weights.',
        'zh-CN': '每个参数都逆着自己的梯度走一步：W2[0][0] = {W2[0][0]} − {lr} · {dW2[0][0]} = {next.W2[0][0]}。W1、b1、b2 同时也这样更新。\n\n只有这个阶段会改变权重。',
      },
      question: {
        kind: 'choice', pick: 'true',
        prompt: { en: 'Which number is now written into W2[0][0]?', 'zh-CN': '现在写入 W2[0][0] 的是哪个数？' },
        options: [
          { label: { en: 'dW2[0][0] = {dW2[0][0]}', 'zh-CN': 'dW2[0][0] = {dW2[0][0]}' }, value: 'next.W2[0][0] == dW2[0][0]', says: { en: 'That is the gradient itself. The update subtracts lr × gradient from the old weight.', 'zh-CN': '那是梯度本身。更新是从旧权重中减去 lr × 梯度。' } },
          { label: { en: 'W2[0][0] − lr · dW2[0][0] = {W2[0][0] - lr * dW2[0][0]}', 'zh-CN': 'W2[0][0] − lr · dW2[0][0] = {W2[0][0] - lr * dW2[0][0]}' }, value: 'abs(next.W2[0][0] - (W2[0][0] - lr * dW2[0][0])) < 1e-12' },
          { label: { en: 'W2[0][0] + lr · dW2[0][0] = {W2[0][0] + lr * dW2[0][0]}', 'zh-CN': 'W2[0][0] + lr · dW2[0][0] = {W2[0][0] + lr * dW2[0][0]}' }, value: 'abs(next.W2[0][0] - (W2[0][0] + lr * dW2[0][0])) < 1e-12', says: { en: 'That would climb the cost: adding the gradient moves uphill.', 'zh-CN': '那样会让代价上升：加上梯度是往上坡走。' } },
        ],
        explain: {
          en: 'W2[0][0] ← W2[0][0] − lr · dW2[0][0] = {next.W2[0][0]}.',
          'zh-CN': 'W2[0][0] ← W2[0][0] − lr · dW2[0][0] = {next.W2[0][0]}。',
        },
      },
    },
    {
      iteration: 1, phase: 'loss', emphasis: ['curves'],
      title: { en: 'Iteration 1: a slightly smaller cost', 'zh-CN': '第 1 次迭代：代价稍稍变小' },
      text: {
        en: 'With the new weights, forward propagation runs again and the cost of iteration 1 is {loss}. The change is tiny — one step of size {lr} on a nearly flat cost — which is why the tutorial trains for thousands of iterations.',
        'zh-CN': '用新的权重再做一次前向传播，第 1 次迭代的代价是 {loss}。变化很小——在几乎平坦的代价面上只走了一步，步长 {lr}——所以教程要训练上千次迭代。',
      },
    },
    {
      iteration: 1000, phase: 'loss', emphasis: ['curves', 'data'],
      title: { en: 'A thousand iterations later', 'zh-CN': '一千次迭代之后' },
      text: {
        en: 'The same six phases, repeated: at iteration 1000 the cost is {loss}. The curves panel shows the whole way down, and the data view shows the decision boundary the network has drawn.\n\nThe tutorial\'s data are random labels on random points, so no boundary can be very good; try the circle or XOR data in the training lab to see one that is.',
        'zh-CN': '同样的六个阶段，重复进行：到第 1000 次迭代，代价是 {loss}。曲线面板显示一路下降的过程，数据视图显示网络画出的决策边界。\n\n教程的数据是随机点配随机标签，所以任何边界都好不到哪里去；在训练实验室里试试圆形或 XOR 数据，就能看到好的边界。',
      },
    },
  ],
};
