import { defineMessages } from '../define';

export const app = defineMessages(
  {
    'app.title': 'Backprop Studio',
    'app.tagline': 'A real two-layer network, one phase at a time',
    'app.language': 'Language',
    'app.skip': 'Skip to the controls',
    'app.dismiss': 'Dismiss',
    'phase.forward-hidden': 'Forward: hidden layer',
    'phase.forward-output': 'Forward: output layer',
    'phase.loss': 'Loss',
    'phase.backward-output': 'Backward: output layer',
    'phase.backward-hidden': 'Backward: hidden layer',
    'phase.update': 'Update the weights',
    'phase.announce': 'Iteration {iteration}, {phase}.',
    'notice.config-changed': 'Settings changed: the timeline starts again at iteration 0.',
    'notice.csv-loaded': 'Loaded {name}: the timeline starts again at iteration 0.',
    'notice.diverged':
      'Training diverged at iteration {iteration}: {quantity} became {value} (the largest weight had grown to {largest}), so the loss is not a number any more. Try a smaller learning rate than {lr}.',
  },
  {
    'app.title': 'Backprop Studio 反向传播工作室',
    'app.tagline': '一个真实的两层网络，一步一个阶段',
    'app.language': '语言',
    'app.skip': '跳到控制按钮',
    'app.dismiss': '关闭',
    'phase.forward-hidden': '前向传播：隐藏层',
    'phase.forward-output': '前向传播：输出层',
    'phase.loss': '损失',
    'phase.backward-output': '反向传播：输出层',
    'phase.backward-hidden': '反向传播：隐藏层',
    'phase.update': '更新参数',
    'phase.announce': '第 {iteration} 次迭代，{phase}。',
    'notice.config-changed': '设置已更改：时间线从第 0 次迭代重新开始。',
    'notice.csv-loaded': '已载入 {name}：时间线从第 0 次迭代重新开始。',
    'notice.diverged':
      '训练在第 {iteration} 次迭代发散：{quantity} 变成了 {value}（最大的权重已增长到 {largest}），损失不再是一个数。请尝试比 {lr} 更小的学习率。',
  },
);
