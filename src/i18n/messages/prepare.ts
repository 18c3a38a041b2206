import { defineMessages } from '../define';

/** The way to a late iteration a link names: progress, time left, and the question before a long one. */
export const prepare = defineMessages(
  {
    'prepare.progress': 'Preparing iteration {iteration} — {percent} %',
    'prepare.estimating': 'Estimating the time left…',
    'prepare.left': '{time} left',
    'prepare.stops': 'Cancel, a step key or Train stops it here, at iteration {iteration}.',
    'prepare.cancel': 'Cancel',
    'prepare.ask': 'This link opens at iteration {iteration}. Training there takes {time}.',
    'prepare.why': 'That is {iterations} iterations to compute first; the page stays usable while it works, and you can cancel at any time.',
    'prepare.confirm': 'Prepare it',
    'prepare.stay': 'Stay at iteration {iteration}',
    'prepare.underSecond': 'less than a second',
    'prepare.seconds': 'about {s} s',
    'prepare.minutes': 'about {m} min {s} s',
    'prepare.hours': 'about {h} h {m} min',
  },
  {
    'prepare.progress': '正在准备第 {iteration} 次迭代 — {percent} %',
    'prepare.estimating': '正在估算剩余时间…',
    'prepare.left': '还需{time}',
    'prepare.stops': '点“取消”、按步进键或“训练”会停在这里：第 {iteration} 次迭代。',
    'prepare.cancel': '取消',
    'prepare.ask': '此链接打开第 {iteration} 次迭代，训练到那里需要{time}。',
    'prepare.why': '需要先计算 {iterations} 次迭代；计算期间页面照常可用，随时可以取消。',
    'prepare.confirm': '开始准备',
    'prepare.stay': '留在第 {iteration} 次迭代',
    'prepare.underSecond': '不到一秒',
    'prepare.seconds': '约 {s} 秒',
    'prepare.minutes': '约 {m} 分 {s} 秒',
    'prepare.hours': '约 {h} 小时 {m} 分',
  },
);
