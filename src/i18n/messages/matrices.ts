import { defineMessages } from '../define';

/** The matrix panel. Math symbols (W1, Z1, dW2…) stay as they are in both languages. */
export const matrices = defineMessages(
  {
    'matrices.title': 'Matrices',
    'matrices.heatmap': 'heatmap',
    'matrices.new': '{name} (new)',
    'matrices.readoutHint': 'Point at a matrix, or tab to it and use the arrow keys, to read a value.',
    'matrices.keys': 'Arrow keys move between entries; Home and End jump to the first and last column.',
    'matrices.keysSamples':
      'Columns are samples. Arrow keys move between entries; Home and End jump to the first and last column; Enter or a click focuses that sample in every view.',
  },
  {
    'matrices.title': '矩阵',
    'matrices.heatmap': '热力图',
    'matrices.new': '{name}（更新后）',
    'matrices.readoutHint': '把鼠标指向矩阵，或用 Tab 键选中后按方向键，即可读取数值。',
    'matrices.keys': '方向键在元素之间移动；Home 和 End 跳到第一列和最后一列。',
    'matrices.keysSamples':
      '每一列是一个样本。方向键在元素之间移动；Home 和 End 跳到第一列和最后一列；按 Enter 或点击可在所有视图中聚焦该样本。',
  },
);
