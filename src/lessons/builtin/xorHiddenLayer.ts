/**
 * Lesson 5: why a hidden layer? XOR cannot be split by one straight line. One tanh neuron gives a
 * straight boundary; eight linear neurons collapse into one linear function; eight tanh neurons
 * (the "xor" preset) solve it. Each "where will the loss be?" question is asked at forward-output,
 * just before the step's cost is computed.
 */
import type { Lesson, LessonText } from '../types';

const lossBins = (labels: readonly [LessonText, LessonText, LessonText]) => [
  { label: labels[0], value: 'loss@loss > 0.65' },
  { label: labels[1], value: '(loss@loss >= 0.1) * (loss@loss <= 0.65)' },
  { label: labels[2], value: 'loss@loss < 0.1' },
];
const BINS: readonly [LessonText, LessonText, LessonText] = [
  { en: 'About guessing (above 0.65)', 'zh-CN': '和瞎猜差不多（大于 0.65）' },
  { en: 'Better than guessing, not solved (0.1 to 0.65)', 'zh-CN': '比瞎猜好，但没解决（0.1 到 0.65）' },
  { en: 'Solved (below 0.1)', 'zh-CN': '解决了（小于 0.1）' },
];

export const xorHiddenLayer: Lesson = {
  id: 'xor-hidden-layer',
  title: { en: 'Why a hidden layer? XOR', 'zh-CN': '为什么要有隐藏层？异或' },
  summary: {
    en: 'No straight line splits XOR: see what one neuron, eight linear neurons and eight tanh neurons make of it.',
    'zh-CN': '没有一条直线能分开异或数据：看看一个神经元、八个线性神经元和八个 tanh 神经元各能做到什么。',
  },
  minutes: 8,
  settings: 'data=xor&hidden=8&init=xavier&seed=1&lr=1',
  steps: [
    {
      iteration: 0, phase: 'forward-hidden', emphasis: ['data'],
      title: { en: 'XOR: opposite corners', 'zh-CN': '异或：对角的两类' },
      text: {
        en: 'The XOR data: {m} training points in the four corners of a square. The label is 1 where x₁ and x₂ have opposite signs and 0 where they agree, so each class sits in two opposite corners.\n\nTry to draw one straight line with all the 1s on one side and all the 0s on the other: it cannot be done.',
        'zh-CN': '异或数据：{m} 个训练点分布在正方形的四个角上。x₁ 和 x₂ 符号相反时标签是 1，符号相同时是 0，所以每一类都占据两个相对的角。\n\n试着画一条直线，把所有的 1 放在一边、所有的 0 放在另一边：做不到。',
      },
    },
    {
      settings: 'hidden=1', iteration: 0, phase: 'forward-hidden', emphasis: ['network'], highlight: { neuron: [1, 0] },
      title: { en: 'One hidden neuron', 'zh-CN': '一个隐藏神经元' },
      text: {
        en: 'Shrink the hidden layer to {h} neuron. The output is σ(w₂ · tanh(w₁ · x + b₁) + b₂). tanh and σ only squash, so the output rises or falls with one number, w₁ · x + b₁, and all points on a line where it is constant get the same output: the decision boundary is a straight line.',
        'zh-CN': '把隐藏层缩小到 {h} 个神经元。输出是 σ(w₂ · tanh(w₁ · x + b₁) + b₂)。tanh 和 σ 只是“压扁”，所以输出只随一个数 w₁ · x + b₁ 升降；在它取常数的一条直线上，所有点的输出都一样：决策边界是一条直线。',
      },
    },
    {
      settings: 'hidden=1', iteration: 1000, phase: 'forward-output', emphasis: ['network'],
      title: { en: 'One neuron, 1000 iterations', 'zh-CN': '一个神经元，训练 1000 次' },
      text: {
        en: 'The one-neuron network after {iteration} iterations, just before the cost is computed. Guessing 50 : 50 costs −log 0.5 = {-log(0.5)}.',
        'zh-CN': '只有一个神经元的网络训练了 {iteration} 次迭代，代价还没算。“一半一半”瞎猜的代价是 −log 0.5 = {-log(0.5)}。',
      },
      question: {
        kind: 'choice', pick: 'true',
        prompt: { en: 'Where will the loss be?', 'zh-CN': '损失会在哪里？' },
        options: lossBins(BINS),
        explain: {
          en: 'L = {loss@loss}: better than guessing, far from solved. The next step shows why.',
          'zh-CN': 'L = {loss@loss}：比瞎猜好，但离解决还很远。下一步告诉你为什么。',
        },
      },
    },
    {
      settings: 'hidden=1', iteration: 1000, phase: 'loss', emphasis: ['data'],
      title: { en: 'A straight boundary', 'zh-CN': '一条直的边界' },
      text: {
        en: 'The one-neuron network\'s decision boundary is a straight line. The best a line can do on XOR is to cut one corner off from the other three, and that is what training found: the loss is {loss}, better than guessing but far from solved.',
        'zh-CN': '只有一个神经元的网络，决策边界是一条直线。在异或数据上，一条直线最多只能把一个角和另外三个角分开，训练找到的正是这样的直线：损失是 {loss}，比瞎猜好，但离解决还很远。',
      },
    },
    {
      settings: 'g1=linear', iteration: 1000, phase: 'forward-output', emphasis: ['network'],
      title: { en: 'Eight neurons, no bend', 'zh-CN': '八个神经元，没有弯曲' },
      text: {
        en: 'Back to {h} hidden neurons, but with a linear activation: A1 = Z1, no tanh. Eight neurons should be plenty — this is iteration {iteration}, just before the cost.',
        'zh-CN': '回到 {h} 个隐藏神经元，但激活函数是线性的：A1 = Z1，没有 tanh。八个神经元应该绰绰有余——这是第 {iteration} 次迭代，代价还没算。',
      },
      question: {
        kind: 'choice', pick: 'true',
        prompt: { en: 'Where will the loss be?', 'zh-CN': '损失会在哪里？' },
        options: lossBins(BINS),
        explain: {
          en: 'L = {loss@loss}, no better than guessing. Without an activation function the two layers collapse into one: W2 · (W1 · x + b1) + b2 = (W2 · W1) · x + (W2 · b1 + b2). That is one linear function, so the boundary is one straight line again, and a linear function cannot even cut off one corner confidently: further down, the data view stays pale, its outputs near 0.5.',
          'zh-CN': 'L = {loss@loss}，和瞎猜一样。没有激活函数，两层就合并成一层：W2 · (W1 · x + b1) + b2 = (W2 · W1) · x + (W2 · b1 + b2)。这是一个线性函数，所以边界又是一条直线，而且线性函数连一个角都没法有把握地分开：往下翻到数据视图，颜色很淡，输出都接近 0.5。',
        },
      },
    },
    {
      iteration: 200, phase: 'forward-hidden', emphasis: ['network'], highlight: { neuron: [1, 0] },
      title: { en: 'Each hidden neuron is a line', 'zh-CN': '每个隐藏神经元是一条直线' },
      text: {
        en: 'Now {h} tanh neurons, after {iteration} iterations. Hidden neuron 1 computes z = {W1[0][0]} · x₁ + {W1[0][1]} · x₂ + {b1[0][0]}. It is zero along a straight line, positive on one side and negative on the other, and tanh turns that into a smooth step from −1 to 1.',
        'zh-CN': '现在是 {h} 个 tanh 神经元，训练了 {iteration} 次迭代。隐藏神经元 1 计算 z = {W1[0][0]} · x₁ + {W1[0][1]} · x₂ + {b1[0][0]}。它在一条直线上为零，一侧为正，另一侧为负，tanh 再把它变成从 −1 到 1 的平滑台阶。',
      },
      question: {
        kind: 'sign',
        prompt: {
          en: 'Take the point x₁ = −1, x₂ = 1, in the top-left corner. Is z of hidden neuron 1 positive, negative or zero there?',
          'zh-CN': '取左上角的点 x₁ = −1，x₂ = 1。隐藏神经元 1 在这一点的 z 是正、负还是零？',
        },
        answer: 'W1[0][0] * (-1) + W1[0][1] * 1 + b1[0][0]',
        explain: {
          en: 'z = {W1[0][0]} · (−1) + {W1[0][1]} · 1 + {b1[0][0]} = {W1[0][0] * (-1) + W1[0][1] * 1 + b1[0][0]}. Further down, the data view\'s small picture h1 shows neuron 1 over the whole plane: purple where a = tanh(z) > 0, orange where it is negative, with its line in between.',
          'zh-CN': 'z = {W1[0][0]} · (−1) + {W1[0][1]} · 1 + {b1[0][0]} = {W1[0][0] * (-1) + W1[0][1] * 1 + b1[0][0]}。往下翻到数据视图，小图 h1 画出了神经元 1 在整个平面上的样子：a = tanh(z) > 0 处是紫色，为负处是橙色，中间就是它的那条直线。',
        },
      },
    },
    {
      iteration: 200, phase: 'forward-output', emphasis: ['network'],
      title: { en: 'Eight bends', 'zh-CN': '八个弯' },
      text: {
        en: 'The output layer adds up the eight smooth steps, each weighted by W2. Its sum can be high in two opposite corners and low in the other two — if training finds the right weights. This is iteration {iteration}, just before the cost.',
        'zh-CN': '输出层把八个平滑台阶按 W2 加权后相加。只要训练找到合适的权重，这个和就可以在两个相对的角上高、在另外两个角上低。这是第 {iteration} 次迭代，代价还没算。',
      },
      question: {
        kind: 'choice', pick: 'true',
        prompt: { en: 'Where will the loss be?', 'zh-CN': '损失会在哪里？' },
        options: lossBins(BINS),
        explain: {
          en: 'L = {loss@loss}: solved, in a few hundred iterations. The next step shows the boundary the eight bends make.',
          'zh-CN': 'L = {loss@loss}：几百次迭代就解决了。下一步看看八个“弯”拼出的决策边界。',
        },
      },
    },
    {
      iteration: 1000, phase: 'loss', emphasis: ['data', 'curves'],
      title: { en: 'Why hidden layers', 'zh-CN': '为什么需要隐藏层' },
      text: {
        en: 'At iteration {iteration} the loss is {loss}, and the decision boundary bends around the corners; below it, each small picture is one hidden neuron\'s smooth step. A hidden layer with a non-linear activation gives the network such bends, and with enough of them the boundary can take the shape the data need. How few neurons does XOR need? Try 2 or 3 in the training lab.',
        'zh-CN': '到第 {iteration} 次迭代，损失是 {loss}，决策边界绕着四个角弯曲；下面每张小图是一个隐藏神经元的平滑台阶。带非线性激活函数的隐藏层让网络可以这样“弯曲”，弯得够多，决策边界就能变成数据需要的形状。异或最少需要几个神经元？在训练实验室里试试 2 个或 3 个。',
      },
    },
  ],
};
