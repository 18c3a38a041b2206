/**
 * The speaker view's note for the phase on screen: what a teacher would say, with this state's
 * numbers (the focused sample, the first hidden neuron, the weight from it to the output). One
 * function, so whatever else should speak here (a running lesson's prose) has one place to go.
 */
import { get, type Matrix, type PhaseId } from '../../engine/index';
import { translate, type Locale, type MessageKey } from '../../i18n/index';
import { currentSession, type AppState } from '../../store/index';
import { formatValue } from '../../viz/color';

const NOTE: Record<PhaseId, MessageKey> = {
  'forward-hidden': 'note.forward-hidden',
  'forward-output': 'note.forward-output',
  loss: 'note.loss',
  'backward-output': 'note.backward-output',
  'backward-hidden': 'note.backward-hidden',
  update: 'note.update',
};

/** m[i][j] formatted as on screen (a class label as the whole number it is), or a dash when the matrix is not computed yet. */
function at(m: Matrix | undefined, i: number, j: number): string {
  if (!m) return '–';
  const v = get(m, i, j);
  return Number.isInteger(v) ? String(v) : formatValue(v);
}

/**
 * Two values with just enough decimals to tell them apart (a weight's update is often far
 * smaller than the 4 decimals shown elsewhere), as on screen when they are equal.
 */
function apart(a: number, b: number): [string, string] {
  for (let digits = 4; digits <= 15; digits++) {
    const [sa, sb] = [a.toFixed(digits), b.toFixed(digits)];
    if (sa !== sb) return [sa.replace('-', '−'), sb.replace('-', '−')];
  }
  return [formatValue(a), formatValue(b)];
}

/** The note for the state's phase, in `locale`. */
export function speakerNote(state: AppState, locale: Locale): string {
  const s = currentSession(state.timeline);
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const { config, optimizer } = state.built.setup;
  const { cache, grads, batch } = s;
  const column = Math.min(state.focusSample, batch.X.cols - 1);
  const common = { sample: column + 1, hidden: s.params.W1.rows, g1: config.hiddenActivation, g2: config.outputActivation };
  switch (s.phase) {
    case 'forward-hidden':
      return t(NOTE[s.phase], { ...common, z: at(cache.Z1, 0, column), a: at(cache.A1, 0, column) });
    case 'forward-output':
      return t(NOTE[s.phase], { ...common, z: at(cache.Z2, 0, column), a: at(cache.A2, 0, column), y: at(batch.Y, 0, column) });
    case 'loss': {
      const curves = state.timeline.curves;
      const previous = s.iteration > 0 && curves.length >= s.iteration ? curves.trainLoss[s.iteration - 1] : NaN;
      const trend = s.iteration === 0 ? t('note.loss.first') : Number.isFinite(previous) ? t('note.loss.trend', { previous: formatValue(previous) }) : '';
      return t(NOTE[s.phase], {
        ...common, lossName: t(`note.loss.${config.loss}`), m: batch.X.cols, loss: s.loss === null ? '–' : formatValue(s.loss), trend,
      }).trim();
    }
    case 'backward-output':
      return t(NOTE[s.phase], { ...common, dz: at(grads.dZ2, 0, column), dw: at(grads.dW2, 0, 0) });
    case 'backward-hidden':
      return t(NOTE[s.phase], { ...common, dz: at(grads.dZ1, 0, column), dw: at(grads.dW1, 0, 0) });
    case 'update': {
      const gradient = grads.dW2 ? get(grads.dW2, 0, 0) : 0;
      const kind = optimizer.kind === 'sgd' && (optimizer.momentum ?? 0) > 0 ? 'momentum' : optimizer.kind;
      const w = get(s.params.W2, 0, 0);
      const next = s.next ? get(s.next.params.W2, 0, 0) : w;
      const [before, after] = apart(w, next);
      return t(NOTE[s.phase], {
        lr: optimizer.lr, optimizer: t(`config.optimizer.${kind}`), before, after, step: formatValue(next - w), grad: formatValue(gradient),
        sign: t(gradient > 0 ? 'note.update.positive' : gradient < 0 ? 'note.update.negative' : 'note.update.zero'),
      });
    }
  }
}
