/**
 * Lesson 2: the chain rule for one weight, W1[0][0], from the loss back to the input with sample
 * 1's numbers, factor by factor, ending at the equation panel's gradient check. Iteration 3000 of
 * the tutorial example: by then the weights have grown enough that every factor matters (at
 * iteration 0, 1 − a₁² is 1.0000 and forgetting tanh′ would go unnoticed).
 */
import type { Lesson } from '../types';

const AT = { iteration: 3000, sample: 0, edge: [1, 0, 0] as const };
/** dℓ/da₂ for the focused sample: the derivative of the cross-entropy. */
const DL_DA2 = '-Y[0][s] / A2[0][s] + (1 - Y[0][s]) / (1 - A2[0][s])';
const SIGMA_PRIME = 'A2[0][s] * (1 - A2[0][s])';

export const chainRule: Lesson = {
  id: 'chain-rule',
  title: { en: 'The chain rule for one weight', 'zh-CN': '一个权重的链式法则' },
  summary: {
    en: 'Follow W1[0][0] from the loss back to the input, one factor at a time, and check the result numerically.',
    'zh-CN': '从损失一路往回走到输入，逐个因子算出 W1[0][0] 的梯度，再用数值梯度检验它。',
  },
  minutes: 12,
  settings: '',
  steps: [
    {
      ...AT, phase: 'forward-hidden', emphasis: ['network'], highlight: { edge: [1, 0, 0] },
      title: { en: 'One weight, one question', 'zh-CN': '一个权重，一个问题' },
      text: {
        en: 'This is the tutorial\'s network after {iteration} iterations. Take one weight: W1[0][0] = {W1[0][0]}, the highlighted edge from input x₁ to hidden neuron 1.\n\nIts gradient dW1[0][0] answers one question: if this weight grows a little, how fast does the cost L change? The weight reaches the cost along a path, W1[0][0] → z₁ → a₁ → z₂ → a₂ → L, and the chain rule multiplies one factor per arrow. We walk the path backwards with sample 1\'s numbers.',
        'zh-CN': '这是教程中的网络训练了 {iteration} 次迭代之后的样子。只看一个权重：W1[0][0] = {W1[0][0]}，也就是高亮的那条从输入 x₁ 到隐藏神经元 1 的边。\n\n它的梯度 dW1[0][0] 回答一个问题：这个权重稍微变大一点，代价 L 变化得有多快？这个权重沿着一条路径影响代价：W1[0][0] → z₁ → a₁ → z₂ → a₂ → L，链式法则为每个箭头乘上一个因子。我们用样本 1 的数，沿这条路径倒着走。',
      },
    },
    {
      ...AT, phase: 'loss', emphasis: ['equations'],
      title: { en: 'Start at the end: dℓ/da₂', 'zh-CN': '从终点开始：dℓ/da₂' },
      text: {
        en: 'Sample 1 has label y = {Y[0][s]} and output a₂ = {A2[0][s]}. Its cross-entropy is ℓ = −[y · log a₂ + (1 − y) · log(1 − a₂)] = {-(Y[0][s] * log(A2[0][s]) + (1 - Y[0][s]) * log(1 - A2[0][s]))}; the cost L is the mean of ℓ over the {m} samples.\n\nThe first factor is how ℓ changes with a₂: dℓ/da₂ = −y/a₂ + (1 − y)/(1 − a₂).',
        'zh-CN': '样本 1 的标签 y = {Y[0][s]}，输出 a₂ = {A2[0][s]}。它的交叉熵是 ℓ = −[y · log a₂ + (1 − y) · log(1 − a₂)] = {-(Y[0][s] * log(A2[0][s]) + (1 - Y[0][s]) * log(1 - A2[0][s]))}；代价 L 是 {m} 个样本的 ℓ 的平均值。\n\n第一个因子是 ℓ 随 a₂ 变化的快慢：dℓ/da₂ = −y/a₂ + (1 − y)/(1 − a₂)。',
      },
      question: {
        kind: 'sign',
        prompt: { en: 'For sample 1, is dℓ/da₂ positive, negative or zero?', 'zh-CN': '对样本 1，dℓ/da₂ 是正、负还是零？' },
        answer: DL_DA2,
        explain: {
          en: `dℓ/da₂ = {${DL_DA2}}. A negative value means raising a₂ lowers the loss, a positive one that lowering a₂ does: either way, towards the label y = {Y[0][s]}.`,
          'zh-CN': `dℓ/da₂ = {${DL_DA2}}。为负表示提高 a₂ 会降低损失，为正表示降低 a₂ 会降低损失：无论哪种，都是朝着标签 y = {Y[0][s]} 的方向。`,
        },
      },
    },
    {
      ...AT, phase: 'loss', emphasis: ['equations'],
      title: { en: 'Through the sigmoid', 'zh-CN': '穿过 sigmoid' },
      text: {
        en: `One arrow back: a₂ = σ(z₂), and the sigmoid's slope is σ′(z₂) = a₂(1 − a₂) = {${SIGMA_PRIME}}. So far we have dℓ/da₂ = {${DL_DA2}}.`,
        'zh-CN': `往回走一个箭头：a₂ = σ(z₂)，sigmoid 的斜率是 σ′(z₂) = a₂(1 − a₂) = {${SIGMA_PRIME}}。目前我们有 dℓ/da₂ = {${DL_DA2}}。`,
      },
      question: {
        kind: 'number', tolerance: 0.02,
        prompt: { en: 'What is dℓ/dz₂ for sample 1? (within 2 %)', 'zh-CN': '样本 1 的 dℓ/dz₂ 是多少？（误差 2 % 以内）' },
        answer: 'dZ2[0][s]@backward-output',
        mistakes: [
          { value: DL_DA2, says: { en: 'That is dℓ/da₂ alone. One more factor: the sigmoid\'s slope a₂(1 − a₂).', 'zh-CN': '这只是 dℓ/da₂。还差一个因子：sigmoid 的斜率 a₂(1 − a₂)。' } },
          { value: SIGMA_PRIME, says: { en: 'That is σ′(z₂) alone. The chain rule multiplies it by dℓ/da₂.', 'zh-CN': '这只是 σ′(z₂)。链式法则要把它乘以 dℓ/da₂。' } },
          { value: `${DL_DA2} + ${SIGMA_PRIME}`, says: { en: 'The chain rule multiplies the factors, it does not add them.', 'zh-CN': '链式法则是把各个因子相乘，而不是相加。' } },
        ],
        explain: {
          en: `dℓ/dz₂ = dℓ/da₂ · σ′(z₂) = {${DL_DA2}} · {${SIGMA_PRIME}} = {dZ2[0][s]@backward-output}.`,
          'zh-CN': `dℓ/dz₂ = dℓ/da₂ · σ′(z₂) = {${DL_DA2}} · {${SIGMA_PRIME}} = {dZ2[0][s]@backward-output}。`,
        },
      },
    },
    {
      ...AT, phase: 'backward-output', emphasis: ['equations', 'matrices'], highlight: { matrix: 'dZ2' },
      title: { en: 'Why the code says dZ2 = A2 − Y', 'zh-CN': '为什么代码写 dZ2 = A2 − Y' },
      text: {
        en: 'Look at the product again: it is exactly a₂ − y = {A2[0][s]} − {Y[0][s]} = {dZ2[0][s]}. Multiply −y/a₂ + (1 − y)/(1 − a₂) by a₂(1 − a₂) and everything but a₂ − y cancels. That is why backward_propagation starts with dZ2 = A2 − Y and never computes dℓ/da₂.\n\nThe next arrow back is z₂ = W2 · a₁ + b2, so dz₂/da₁ for hidden neuron 1 is its weight W2[0][0] = {W2[0][0]}.',
        'zh-CN': '再看这个乘积：它恰好等于 a₂ − y = {A2[0][s]} − {Y[0][s]} = {dZ2[0][s]}。把 −y/a₂ + (1 − y)/(1 − a₂) 乘以 a₂(1 − a₂)，除了 a₂ − y 其余全部约掉。所以 backward_propagation 一开始就写 dZ2 = A2 − Y，从不计算 dℓ/da₂。\n\n再往回一个箭头是 z₂ = W2 · a₁ + b2，所以对隐藏神经元 1，dz₂/da₁ 就是它的权重 W2[0][0] = {W2[0][0]}。',
      },
      question: {
        kind: 'sign',
        prompt: {
          en: 'da₁ = W2[0][0] · dz₂ = {W2[0][0]} · {dZ2[0][s]}. Positive, negative or zero?',
          'zh-CN': 'da₁ = W2[0][0] · dz₂ = {W2[0][0]} · {dZ2[0][s]}。是正、负还是零？',
        },
        answer: 'dA1[0][s]@backward-hidden',
        explain: {
          en: 'da₁ = {W2[0][0]} · {dZ2[0][s]} = {dA1[0][s]@backward-hidden}: the sign of a product is the product of the signs.',
          'zh-CN': 'da₁ = {W2[0][0]} · {dZ2[0][s]} = {dA1[0][s]@backward-hidden}：乘积的符号就是各因子符号的乘积。',
        },
      },
    },
    {
      ...AT, phase: 'backward-output', emphasis: ['network', 'equations'],
      title: { en: 'W2ᵀ shares out the blame', 'zh-CN': 'W2ᵀ 分摊“责任”' },
      text: {
        en: 'In matrix form, dA1 = W2ᵀ · dZ2: every hidden neuron gets the output\'s dz₂ = {dZ2[0][s]}, times its own weight to the output. Those weights are W2 = [{W2[0][0]}, {W2[0][1]}, {W2[0][2]}, {W2[0][3]}].',
        'zh-CN': '写成矩阵形式是 dA1 = W2ᵀ · dZ2：每个隐藏神经元都得到输出的 dz₂ = {dZ2[0][s]}，再乘以它自己通向输出的权重。这些权重是 W2 = [{W2[0][0]}, {W2[0][1]}, {W2[0][2]}, {W2[0][3]}]。',
      },
      question: {
        kind: 'choice', pick: 'largest-magnitude',
        prompt: { en: 'For sample 1, which hidden neuron gets the largest |da|?', 'zh-CN': '对样本 1，哪个隐藏神经元的 |da| 最大？' },
        options: [
          { label: { en: 'Neuron 1', 'zh-CN': '神经元 1' }, value: 'dA1[0][s]@backward-hidden' },
          { label: { en: 'Neuron 2', 'zh-CN': '神经元 2' }, value: 'dA1[1][s]@backward-hidden' },
          { label: { en: 'Neuron 3', 'zh-CN': '神经元 3' }, value: 'dA1[2][s]@backward-hidden' },
          { label: { en: 'Neuron 4', 'zh-CN': '神经元 4' }, value: 'dA1[3][s]@backward-hidden' },
        ],
        explain: {
          en: 'da for the four neurons: {dA1[0][s]@backward-hidden}, {dA1[1][s]@backward-hidden}, {dA1[2][s]@backward-hidden}, {dA1[3][s]@backward-hidden}. They share the factor dz₂, so the largest |w₂| gets the largest share: a neuron that matters more to the output is blamed more.',
          'zh-CN': '四个神经元的 da：{dA1[0][s]@backward-hidden}、{dA1[1][s]@backward-hidden}、{dA1[2][s]@backward-hidden}、{dA1[3][s]@backward-hidden}。它们都有公共因子 dz₂，所以 |w₂| 最大的分得最多：对输出影响越大的神经元，承担的“责任”越多。',
        },
      },
    },
    {
      ...AT, phase: 'backward-hidden', neuron: [1, 0], emphasis: ['equations', 'matrices'], highlight: { matrix: 'dZ1' },
      title: { en: 'Through tanh', 'zh-CN': '穿过 tanh' },
      text: {
        en: 'Next arrow back: a₁ = tanh(z₁), whose slope is 1 − a₁². For neuron 1, a₁ = {A1[0][s]}, so 1 − a₁² = {1 - A1[0][s]^2} and dz₁ = da₁ · (1 − a₁²) = {dA1[0][s]} · {1 - A1[0][s]^2} = {dZ1[0][s]}.\n\nThe code does all neurons and samples at once: dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2)).',
        'zh-CN': '再往回一个箭头：a₁ = tanh(z₁)，它的斜率是 1 − a₁²。对神经元 1，a₁ = {A1[0][s]}，所以 1 − a₁² = {1 - A1[0][s]^2}，dz₁ = da₁ · (1 − a₁²) = {dA1[0][s]} · {1 - A1[0][s]^2} = {dZ1[0][s]}。\n\n代码一次算出所有神经元和所有样本：dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))。',
      },
      question: {
        kind: 'choice', pick: 'smallest',
        prompt: {
          en: 'tanh′ = 1 − a² is at most 1. For sample 1, A1 = [{A1[0][s]}, {A1[1][s]}, {A1[2][s]}, {A1[3][s]}]. Which neuron\'s tanh lets the least gradient through?',
          'zh-CN': 'tanh′ = 1 − a² 最大是 1。对样本 1，A1 = [{A1[0][s]}, {A1[1][s]}, {A1[2][s]}, {A1[3][s]}]。哪个神经元的 tanh 让通过的梯度最少？',
        },
        options: [
          { label: { en: 'Neuron 1', 'zh-CN': '神经元 1' }, value: '1 - A1[0][s]^2' },
          { label: { en: 'Neuron 2', 'zh-CN': '神经元 2' }, value: '1 - A1[1][s]^2' },
          { label: { en: 'Neuron 3', 'zh-CN': '神经元 3' }, value: '1 - A1[2][s]^2' },
          { label: { en: 'Neuron 4', 'zh-CN': '神经元 4' }, value: '1 - A1[3][s]^2' },
        ],
        explain: {
          en: '1 − a² for the four neurons: {1 - A1[0][s]^2}, {1 - A1[1][s]^2}, {1 - A1[2][s]^2}, {1 - A1[3][s]^2}. The largest |a| is closest to tanh\'s flat ends (±1), where the slope is smallest: a saturated neuron passes little gradient back and learns slowly.',
          'zh-CN': '四个神经元的 1 − a²：{1 - A1[0][s]^2}、{1 - A1[1][s]^2}、{1 - A1[2][s]^2}、{1 - A1[3][s]^2}。|a| 最大的最靠近 tanh 两端平坦的部分（±1），那里斜率最小：饱和的神经元往回传的梯度少，学得也慢。',
        },
      },
    },
    {
      ...AT, phase: 'backward-hidden', emphasis: ['equations'], highlight: { edge: [1, 0, 0] },
      title: { en: 'The last factor: the input', 'zh-CN': '最后一个因子：输入' },
      text: {
        en: 'The last arrow: z₁ = W1[0][0] · x₁ + W1[0][1] · x₂ + b1[0][0], so dz₁/dW1[0][0] = x₁. For sample 1, x₁ = {X[0][s]} and dz₁ = {dZ1[0][s]}.\n\ndW1 = (1/m) · dZ1 · Xᵀ adds up such products for all {m} samples and divides by m.',
        'zh-CN': '最后一个箭头：z₁ = W1[0][0] · x₁ + W1[0][1] · x₂ + b1[0][0]，所以 dz₁/dW1[0][0] = x₁。对样本 1，x₁ = {X[0][s]}，dz₁ = {dZ1[0][s]}。\n\ndW1 = (1/m) · dZ1 · Xᵀ 把全部 {m} 个样本的这种乘积加起来，再除以 m。',
      },
      question: {
        kind: 'number', tolerance: 0.02,
        prompt: { en: 'How much does sample 1 add to dW1[0][0]? (within 2 %)', 'zh-CN': '样本 1 给 dW1[0][0] 贡献了多少？（误差 2 % 以内）' },
        answer: 'dZ1[0][s] * X[0][s] / m',
        mistakes: [
          { value: 'dZ1[0][s] * X[0][s]', says: { en: 'That is dz₁ · x₁ before the 1/m. dW1 is a mean over the {m} samples, so each sample\'s share is divided by m.', 'zh-CN': '这是还没乘 1/m 的 dz₁ · x₁。dW1 是 {m} 个样本的平均值，所以每个样本的那一份都要除以 m。' } },
          { value: 'dZ1[0][s] * X[1][s] / m', says: { en: 'That uses x₂. W1[0][0] multiplies x₁, row 0 of X: x₁ = {X[0][s]}.', 'zh-CN': '这用的是 x₂。W1[0][0] 乘的是 x₁，即 X 的第 0 行：x₁ = {X[0][s]}。' }, highlight: { matrix: 'X' } },
          { value: 'dW1[0][0]', says: { en: 'That is the whole batch\'s dW1[0][0], all {m} samples together. Sample 1\'s part is its own dz₁ · x₁, divided by m.', 'zh-CN': '这是整个批量的 dW1[0][0]，{m} 个样本加在一起。样本 1 的那一份是它自己的 dz₁ · x₁，再除以 m。' } },
        ],
        explain: {
          en: 'dz₁ · x₁ / m = {dZ1[0][s]} · {X[0][s]} / {m} = {dZ1[0][s] * X[0][s] / m}. The 1/m is there because the cost is a mean over the samples.',
          'zh-CN': 'dz₁ · x₁ / m = {dZ1[0][s]} · {X[0][s]} / {m} = {dZ1[0][s] * X[0][s] / m}。之所以有 1/m，是因为代价是对样本取的平均。',
        },
      },
    },
    {
      ...AT, phase: 'backward-hidden', emphasis: ['equations', 'matrices'], highlight: { matrix: 'dW1' },
      title: { en: 'The whole chain', 'zh-CN': '整条链' },
      text: {
        en: `For sample 1 the five factors multiply: dℓ/da₂ · σ′(z₂) · w₂ · tanh′(z₁) · x₁ = {${DL_DA2}} · {${SIGMA_PRIME}} · {W2[0][0]} · {1 - A1[0][s]^2} · {X[0][s]} = {dZ1[0][s] * X[0][s]}.\n\nThe batch's dW1[0][0] = {dW1[0][0]} is the mean of such products over all {m} samples. Here the samples pull in different directions and partly cancel, so the mean can be much smaller than one sample's share.`,
        'zh-CN': `对样本 1，五个因子相乘：dℓ/da₂ · σ′(z₂) · w₂ · tanh′(z₁) · x₁ = {${DL_DA2}} · {${SIGMA_PRIME}} · {W2[0][0]} · {1 - A1[0][s]^2} · {X[0][s]} = {dZ1[0][s] * X[0][s]}。\n\n整个批量的 dW1[0][0] = {dW1[0][0]}，是全部 {m} 个样本这种乘积的平均值。这里各个样本往不同方向拉，部分互相抵消，所以平均值可能比单个样本的那一份小得多。`,
      },
    },
    {
      ...AT, phase: 'backward-hidden', emphasis: ['equations'], highlight: { panel: 'equations' },
      title: { en: 'Check it numerically', 'zh-CN': '用数值来检验' },
      text: {
        en: 'Is dW1[0][0] = {dW1[0][0]} right? The gradient check at the end of the equation panel tests it without calculus: it runs forward propagation on the whole batch with W1[0][0] nudged by ±ε (ε = 0.00001) and shows the numerical gradient (L(w + ε) − L(w − ε)) / 2ε beside backprop\'s value.\n\nThey agree because both measure the same slope, backprop exactly, by the chain rule. The small relative error left is rounding: two losses near {loss} differ only in their last digits, which after dividing by 2ε is at most about 2.2e-16 · L / (ε · |dW1[0][0]|) = {2.2e-16 * loss / 0.00001 / abs(dW1[0][0])} of the gradient. A bug in backprop would give an error near 1.',
        'zh-CN': 'dW1[0][0] = {dW1[0][0]} 对吗？公式面板末尾的梯度检验不用微积分就能检验它：把 W1[0][0] 挪动 ±ε（ε = 0.00001），各在整个批量上做一次前向传播，再把数值梯度 (L(w + ε) − L(w − ε)) / 2ε 和反向传播的值并排显示。\n\n两者吻合，因为它们量的是同一个斜率，反向传播用链式法则精确地算出它。剩下的一点相对误差来自舍入：两个约为 {loss} 的损失只在最后几位不同，除以 2ε 之后，最多约为梯度的 2.2e-16 · L / (ε · |dW1[0][0]|) = {2.2e-16 * loss / 0.00001 / abs(dW1[0][0])}。如果反向传播有错，误差会接近 1。',
      },
    },
  ],
};
