import { defineMessages } from '../define';

/** The code panel. Code, function names and library names stay as they are in both languages. */
export const code = defineMessages(
  {
    'code.title': 'Code',
    'code.tabs': 'Language of the code',
    'code.numpy': 'NumPy',
    'code.pytorch': 'PyTorch',
    'code.copy': 'Copy',
    'code.copyLabel': 'Copy the {tab} code',
    'code.copied': 'Copied the {tab} code.',
    'code.copyFailed': 'Copying is not available here. The code is selected: press Ctrl+C (⌘C on a Mac).',
    'code.phaseLines': 'Lines {from}–{to} run in this phase: {phase}.',
    'code.phaseLine': 'Line {from} runs in this phase: {phase}.',
    'code.noPhaseLines': 'This phase has no lines of its own here.',
  },
  {
    'code.title': '代码',
    'code.tabs': '代码语言',
    'code.numpy': 'NumPy',
    'code.pytorch': 'PyTorch',
    'code.copy': '复制',
    'code.copyLabel': '复制 {tab} 代码',
    'code.copied': '已复制 {tab} 代码。',
    'code.copyFailed': '此处无法直接复制。代码已选中：请按 Ctrl+C（Mac 上按 ⌘C）。',
    'code.phaseLines': '第 {from}–{to} 行在此阶段运行：{phase}。',
    'code.phaseLine': '第 {from} 行在此阶段运行：{phase}。',
    'code.noPhaseLines': '此阶段在这里没有单独对应的代码行。',
  },
);
