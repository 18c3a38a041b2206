/** The message key of each equation line's caption and each section's heading. */
import type { MessageKey } from '../../i18n/index';
import type { LineId, SectionId } from '../../viz/equations';

export const LINE_CAPTIONS: Record<LineId, MessageKey> = {
  'fh.matrix': 'eq.line.fh.matrix',
  'fh.shapes': 'eq.line.fh.shapes',
  'fh.neuron': 'eq.line.fh.neuron',
  'fh.activation': 'eq.line.fh.activation',
  'fo.matrix': 'eq.line.fo.matrix',
  'fo.shapes': 'eq.line.fo.shapes',
  'fo.neuron': 'eq.line.fo.neuron',
  'fo.activation': 'eq.line.fo.activation',
  'loss.def': 'eq.line.loss.def',
  'loss.sample': 'eq.line.loss.sample',
  'loss.total': 'eq.line.loss.total',
  'bo.matrix': 'eq.line.bo.matrix',
  'bo.shapes': 'eq.line.bo.shapes',
  'bo.dz': 'eq.line.bo.dz',
  'bo.dW': 'eq.line.bo.dW',
  'bo.db': 'eq.line.bo.db',
  'bo.chain.def': 'eq.line.bo.chain.def',
  'bo.chain.factors': 'eq.line.bo.chain.factors',
  'bo.chain.dz': 'eq.line.bo.chain.dz',
  'bo.chain.sample': 'eq.line.bo.chain.sample',
  'bo.chain.avg': 'eq.line.bo.chain.avg',
  'bh.matrix': 'eq.line.bh.matrix',
  'bh.shapes': 'eq.line.bh.shapes',
  'bh.da': 'eq.line.bh.da',
  'bh.dz': 'eq.line.bh.dz',
  'bh.dW': 'eq.line.bh.dW',
  'bh.db': 'eq.line.bh.db',
  'bh.chain.def': 'eq.line.bh.chain.def',
  'bh.chain.factors': 'eq.line.bh.chain.factors',
  'bh.chain.sample': 'eq.line.bh.chain.sample',
  'bh.chain.avg': 'eq.line.bh.chain.avg',
  'up.rule': 'eq.line.up.rule',
  'up.hyper': 'eq.line.up.hyper',
  'up.weight': 'eq.line.up.weight',
};

export const SECTION_HEADINGS: Record<SectionId, MessageKey> = {
  symbolic: 'eq.section.symbolic',
  numbers: 'eq.section.numbers',
  chain: 'eq.section.chain',
  rule: 'eq.section.rule',
  update: 'eq.section.update',
};
