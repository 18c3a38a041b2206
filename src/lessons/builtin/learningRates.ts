/**
 * Lesson 3: learning rates and optimizers. The tutorial's 2-4-1 network on the circle data at
 * the tutorial's rate (a crawl) and ten times it (learns); the tutorial's PyTorch example at a
 * hundred times its rate, until the loss overflows at iteration 7 (the "diverge" preset); then
 * Adam at the tutorial's rate from the same start. Steps pin one state each, so comparisons
 * across settings are asked as "where will this loss be?" against the one the learner just saw.
 */
import type { Lesson, LessonText } from '../types';

/** The diverge preset: the tutorial's PyTorch example at lr = 1. */
const DIVERGE = 'data=tutorial-pytorch&hidden=5&g1=relu&g2=linear&loss=mse&init=he&seed=1&lr=1';
const ADAM = 'opt=adam';

const lossBins = (low: number, high: number, labels: readonly [LessonText, LessonText, LessonText]) => [
  { label: labels[0], value: `loss@loss > ${high}` },
  { label: labels[1], value: `(loss@loss >= ${low}) * (loss@loss <= ${high})` },
  { label: labels[2], value: `loss@loss < ${low}` },
];

export const learningRates: Lesson = {
  id: 'learning-rates',
  title: { en: 'Learning rates and optimizers', 'zh-CN': '学习率与优化器' },
  summary: {
    en: 'Too small crawls, too large overflows: the learning rate sets every step; Adam sizes each step by itself.',
    'zh-CN': '太小就爬得慢，太大就会溢出：学习率决定每一步走多远；Adam 则自己调整每一步的大小。',
  },
  minutes: 12,
  settings: 'data=circle',
  steps: [
    {
      iteration: 0, phase: 'backward-hidden', edge: [2, 0, 0], highlight: { edge: [2, 0, 0] }, emphasis: ['equations'],
      title: { en: 'The step is lr × gradient', 'zh-CN': '一步 = 学习率 × 梯度' },
      text: {
        en: 'The tutorial\'s 2-4-1 network learns the circle data at the tutorial\'s learning rate, lr = {lr}. update_parameters moves every weight against its gradient: W ← W − lr · dW. For the highlighted weight, W2[0][0] = {W2[0][0]} and dW2[0][0] = {dW2[0][0]}.',
        'zh-CN': '教程中的 2-4-1 网络用教程的学习率 lr = {lr} 学习圆形数据。update_parameters 让每个权重逆着自己的梯度移动：W ← W − lr · dW。对高亮的权重，W2[0][0] = {W2[0][0]}，dW2[0][0] = {dW2[0][0]}。',
      },
      question: {
        kind: 'number', tolerance: 0.02,
        prompt: { en: 'By how much will W2[0][0] change in this update? (within 2 %)', 'zh-CN': '这次更新中 W2[0][0] 会改变多少？（误差 2 % 以内）' },
        answer: 'next.W2[0][0]@update - W2[0][0]',
        mistakes: [
          { value: '-dW2[0][0]', says: { en: 'That is the whole gradient. The step is lr times it, with lr = {lr}.', 'zh-CN': '这是整个梯度。一步是它乘以 lr，lr = {lr}。' } },
          { value: 'W2[0][0] - lr * dW2[0][0]', says: { en: 'That is the new weight. The question asks for the change, new minus old.', 'zh-CN': '这是新的权重。问题问的是变化量：新值减旧值。' } },
        ],
        explain: {
          en: '−lr · dW2[0][0] = −{lr} · {dW2[0][0]} = {next.W2[0][0]@update - W2[0][0]}. Nothing else sits between the gradient and the step: the learning rate alone decides how far every weight moves.',
          'zh-CN': '−lr · dW2[0][0] = −{lr} · {dW2[0][0]} = {next.W2[0][0]@update - W2[0][0]}。梯度和这一步之间只隔着学习率：每个权重走多远，全由它决定。',
        },
      },
    },
    {
      iteration: 1000, phase: 'loss', emphasis: ['curves', 'data'],
      title: { en: 'The tutorial\'s rate: a crawl', 'zh-CN': '教程的学习率：慢慢爬' },
      text: {
        en: 'After {iteration} iterations at lr = {lr} the loss is {loss}, hardly below −log 0.5 = {-log(0.5)}, the cost of guessing 50 : 50. The weights started near 0.01, so the gradients are tiny, and lr times tiny is a crawl: the data view shows no circle yet.',
        'zh-CN': '以 lr = {lr} 训练 {iteration} 次迭代后，损失是 {loss}，几乎没有低于 −log 0.5 = {-log(0.5)}，也就是“一半一半”瞎猜的代价。权重从 0.01 左右开始，所以梯度很小，lr 乘以很小的数，只能慢慢爬：数据视图里还看不到圆形。',
      },
    },
    {
      settings: 'lr=1', iteration: 1000, phase: 'forward-output', emphasis: ['network'],
      title: { en: 'Ten times the rate', 'zh-CN': '学习率乘以十' },
      text: {
        en: 'Same network, same starting weights, now lr = {lr}: every step is ten times as long. This is iteration {iteration}, just before its cost is computed.',
        'zh-CN': '同样的网络、同样的初始权重，现在 lr = {lr}：每一步都长了十倍。这是第 {iteration} 次迭代，代价还没算。',
      },
      question: {
        kind: 'choice', pick: 'true',
        prompt: { en: 'Where will the loss be at this iteration?', 'zh-CN': '这次迭代的损失会在哪里？' },
        options: lossBins(0.1, 0.6, [
          { en: 'Still near guessing (above 0.6)', 'zh-CN': '仍接近瞎猜（大于 0.6）' },
          { en: 'Lower, but not learned (0.1 to 0.6)', 'zh-CN': '低了一些，但还没学会（0.1 到 0.6）' },
          { en: 'Below 0.1: the circle is learned', 'zh-CN': '小于 0.1：圆形学会了' },
        ]),
        explain: {
          en: 'L = {loss@loss}. Longer steps carried the weights off the flat start quickly; the data view, further down, now shows a round decision boundary. A larger rate helped — up to a point.',
          'zh-CN': 'L = {loss@loss}。更长的步子让权重很快离开了平坦的起点；往下翻到数据视图，已经能看到圆形的决策边界。学习率大一些有帮助——但有限度。',
        },
      },
    },
    {
      settings: DIVERGE, iteration: 1, phase: 'backward-hidden', edge: [2, 0, 0], highlight: { edge: [2, 0, 0] }, emphasis: ['equations'],
      title: { en: 'Too far: overshooting', 'zh-CN': '走过头了' },
      text: {
        en: 'Now the tutorial\'s PyTorch example (10 inputs, 5 ReLU neurons, a linear output, mean squared error) at lr = {lr}, a hundred times the 0.01 its code uses. At iteration {iteration}, W2[0][0] = {W2[0][0]} and dW2[0][0] = {dW2[0][0]}.',
        'zh-CN': '现在换成教程的 PyTorch 示例（10 个输入、5 个 ReLU 神经元、线性输出、均方误差），lr = {lr}，是它代码里 0.01 的一百倍。在第 {iteration} 次迭代，W2[0][0] = {W2[0][0]}，dW2[0][0] = {dW2[0][0]}。',
      },
      question: {
        kind: 'number', tolerance: 0.02,
        prompt: { en: 'What will W2[0][0] be after this update? (within 2 %)', 'zh-CN': '这次更新之后 W2[0][0] 会是多少？（误差 2 % 以内）' },
        answer: 'next.W2[0][0]@update',
        mistakes: [
          { value: 'W2[0][0] + lr * dW2[0][0]', says: { en: 'That moves along the gradient, uphill. The update subtracts lr · dW2.', 'zh-CN': '那是顺着梯度走，往上坡去了。更新要减去 lr · dW2。' } },
          { value: '-lr * dW2[0][0]', says: { en: 'That is the step alone. Add it to the old weight, {W2[0][0]}.', 'zh-CN': '这只是这一步。要把它加到旧权重 {W2[0][0]} 上。' } },
        ],
        explain: {
          en: '{W2[0][0]} − {lr} · {dW2[0][0]} = {next.W2[0][0]@update}. The step is {abs(lr * dW2[0][0] / W2[0][0])} times the size of the weight itself. The gradient only says which way is downhill here; a step this long lands far past the bottom, where the slope is steeper still.',
          'zh-CN': '{W2[0][0]} − {lr} · {dW2[0][0]} = {next.W2[0][0]@update}。这一步的大小是权重本身的 {abs(lr * dW2[0][0] / W2[0][0])} 倍。梯度只说明在这里哪边是下坡；步子这么长，会远远越过谷底，落到坡更陡的地方。',
        },
      },
    },
    {
      settings: DIVERGE, iteration: 6, phase: 'loss', emphasis: ['curves', 'matrices'],
      title: { en: 'Each step worse than the last', 'zh-CN': '一步比一步糟' },
      text: {
        en: 'Overshooting feeds itself: larger weights give larger errors, larger errors larger gradients, and those even larger steps. At iteration {iteration} the largest weight in W2 is {maxabs(W2)}, the largest output |a₂| is {maxabs(A2)}, and the loss is {loss}.',
        'zh-CN': '走过头会自我加剧：权重越大，误差越大；误差越大，梯度越大；梯度越大，步子就更大。到第 {iteration} 次迭代，W2 中最大的权重是 {maxabs(W2)}，最大的输出 |a₂| 是 {maxabs(A2)}，损失是 {loss}。',
      },
    },
    {
      settings: DIVERGE, iteration: 7, phase: 'forward-output', emphasis: ['matrices'], highlight: { matrix: 'A2' },
      title: { en: 'Predict the next loss', 'zh-CN': '预测下一个损失' },
      text: {
        en: 'Iteration {iteration}: the largest output is now |a₂| = {maxabs(A2)}. The loss is the mean of (a₂ − y)² over the {m} samples. A float64 can hold numbers up to about 1.8 · 10^308.',
        'zh-CN': '第 {iteration} 次迭代：最大的输出已经是 |a₂| = {maxabs(A2)}。损失是 {m} 个样本的 (a₂ − y)² 的平均值。float64 能表示的数最大约为 1.8 · 10^308。',
      },
      question: {
        kind: 'choice', pick: 'true',
        prompt: { en: 'What will the loss of this iteration be?', 'zh-CN': '这次迭代的损失会是多少？' },
        options: [
          { label: { en: 'A huge but finite number', 'zh-CN': '一个巨大但有限的数' }, value: 'loss@loss < 1e308', says: { en: 'Squaring doubles the exponent: ({maxabs(A2)})² is about 10 to the power {2 * log(maxabs(A2)) / log(10)}.', 'zh-CN': '平方会让指数翻倍：({maxabs(A2)})² 大约是 10 的 {2 * log(maxabs(A2)) / log(10)} 次方。' } },
          { label: { en: 'Infinity: too large for a float64', 'zh-CN': 'Infinity：float64 装不下了' }, value: 'loss@loss > 1e308' },
        ],
        explain: {
          en: 'Squaring doubles the exponent: (a₂ − y)² for |a₂| ≈ {maxabs(A2)} is about 10 to the power {2 * log(maxabs(A2)) / log(10)}, far past the largest float64. The squares overflow to Infinity, and so does their mean.',
          'zh-CN': '平方会让指数翻倍：|a₂| ≈ {maxabs(A2)} 时，(a₂ − y)² 大约是 10 的 {2 * log(maxabs(A2)) / log(10)} 次方，远远超过 float64 的最大值。这些平方溢出成 Infinity，它们的平均值也是。',
        },
      },
    },
    {
      settings: DIVERGE, iteration: 7, phase: 'loss', emphasis: ['matrices', 'curves'],
      title: { en: 'What overflowed', 'zh-CN': '是什么溢出了' },
      text: {
        en: 'The loss is now Infinity, and the notice at the top of the page says training diverged. The first thing to overflow is the loss itself: the outputs (largest {maxabs(A2)}) and the weights (largest {maxabs(W1)}) are still finite, but their squared errors are not. From here the gradients turn into Infinity and NaN too, so training cannot go on. The cure is a smaller learning rate.',
        'zh-CN': '损失现在是 Infinity，页面顶部的提示说训练发散了。第一个溢出的就是损失本身：输出（最大 {maxabs(A2)}）和权重（最大 {maxabs(W1)}）都还是有限的，但它们的平方误差不是。从这里开始，梯度也会变成 Infinity 和 NaN，训练无法继续。解决办法是减小学习率。',
      },
    },
    {
      settings: ADAM, iteration: 0, phase: 'backward-hidden', edge: [1, 0, 0], highlight: { edge: [1, 0, 0] }, emphasis: ['equations'],
      title: { en: 'Adam: a step per weight', 'zh-CN': 'Adam：每个权重各自的步长' },
      text: {
        en: 'Back to the circle and the same start, with the optimizer Adam at the same lr = {lr}. Adam divides each gradient by a running average of its own size, so every weight moves about lr per step, whether its gradient is large or tiny. Here dW1[0][0] = {dW1[0][0]}.',
        'zh-CN': '回到圆形数据和同样的起点，换成优化器 Adam，学习率同样是 lr = {lr}。Adam 把每个梯度除以它自身大小的滑动平均，所以无论梯度大小，每个权重每一步都大约移动 lr。这里 dW1[0][0] = {dW1[0][0]}。',
      },
      question: {
        kind: 'number', tolerance: 0.02,
        prompt: { en: 'By how much will Adam\'s first step change W1[0][0]? (within 2 %)', 'zh-CN': 'Adam 的第一步会让 W1[0][0] 改变多少？（误差 2 % 以内）' },
        answer: 'next.W1[0][0]@update - W1[0][0]',
        mistakes: [
          { value: '-lr * dW1[0][0]', says: { en: 'That is plain SGD\'s step, −lr · dW1. Adam divides the gradient by its own size first.', 'zh-CN': '这是普通 SGD 的一步：−lr · dW1。Adam 会先把梯度除以它自身的大小。' } },
        ],
        explain: {
          en: 'The change is {next.W1[0][0]@update - W1[0][0]}: on the first step the gradient divided by its own size is just its sign, so the step is −lr · sign(dW1[0][0]). SGD at the same rate would move it by {-lr * dW1[0][0]}.',
          'zh-CN': '变化量是 {next.W1[0][0]@update - W1[0][0]}：第一步时，梯度除以它自身的大小就只剩符号，所以这一步是 −lr · sign(dW1[0][0])。同样学习率的 SGD 只会让它移动 {-lr * dW1[0][0]}。',
        },
      },
    },
    {
      settings: ADAM, iteration: 1000, phase: 'forward-output', emphasis: ['network'],
      title: { en: 'SGD against Adam', 'zh-CN': 'SGD 对比 Adam' },
      text: {
        en: 'Adam at lr = {lr}, iteration {iteration}, just before its cost. Plain SGD at this rate was still near the guessing cost {-log(0.5)} here (step 2), and SGD at ten times the rate had learned the circle (step 3).',
        'zh-CN': '用 Adam、lr = {lr}，到第 {iteration} 次迭代，代价还没算。同样学习率的普通 SGD 在这里仍接近瞎猜的代价 {-log(0.5)}（第 2 步），而学习率乘以十的 SGD 已经学会了圆形（第 3 步）。',
      },
      question: {
        kind: 'choice', pick: 'true',
        prompt: { en: 'Where will Adam\'s loss be?', 'zh-CN': 'Adam 的损失会在哪里？' },
        options: lossBins(0.01, 0.6, [
          { en: 'Near guessing, like SGD (above 0.6)', 'zh-CN': '和 SGD 一样接近瞎猜（大于 0.6）' },
          { en: 'Learned, about as well as SGD at ten times the rate (0.01 to 0.6)', 'zh-CN': '学会了，和十倍学习率的 SGD 差不多（0.01 到 0.6）' },
          { en: 'Lower still (below 0.01)', 'zh-CN': '还要更低（小于 0.01）' },
        ]),
        explain: {
          en: 'L = {loss@loss}. From the same start at the same rate, Adam\'s steps did not shrink with the tiny early gradients. To watch optimizers side by side, open the optimizer race in the training lab below the studio.',
          'zh-CN': 'L = {loss@loss}。同样的起点、同样的学习率，Adam 的步子不会因为早期梯度很小而变小。想并排比较几种优化器，可以打开工作室下方训练实验室里的优化器比赛。',
        },
      },
    },
  ],
};
