/** The Network fieldset: hidden size, activations, loss (pairings explained) and initialisation. */
import { ACTIVATIONS, INIT_SCHEMES, LOSSES, OUTPUT_ACTIVATIONS, type Activation, type InitScheme, type LossKind } from '../../engine/index';
import { useT, type MessageKey } from '../../i18n/index';
import { MAX_HIDDEN, selectConfig, selectDataset, useAppStore } from '../../store/index';
import { NumberField, SelectField, type Commit, type Option } from './Field';
import { adjustForLoss, isLossAllowed, isOutputAllowed } from './pairing';

interface Props {
  readonly commit: Commit;
  /** The message about the output switched along with the loss, shown under the loss. */
  readonly note: MessageKey | null;
  readonly onNote: (note: MessageKey | null) => void;
}

export function NetworkFieldset({ commit, note, onNote }: Props) {
  const t = useT();
  const config = useAppStore(selectConfig);
  const dataset = useAppStore(selectDataset);
  const { task, outputSize } = dataset;
  const { init } = config;

  const activationName = (a: Activation) => t(`config.activation.${a}`);
  const activations: Option<Activation>[] = ACTIVATIONS.map((a) => ({ value: a, label: activationName(a) }));
  // Why an option is off: softmax needs ce; with ce nothing else will do; with bce only sigmoid.
  const outputReason = (a: Activation): MessageKey =>
    a === 'softmax' ? 'config.option.needsCe' : config.loss === 'ce' ? 'config.option.notWithCe' : 'config.option.needsMse';
  const outputs: Option<Activation>[] = OUTPUT_ACTIVATIONS.map((a) => {
    const allowed = isOutputAllowed(a, config.loss);
    return { value: a, disabled: !allowed, label: allowed ? activationName(a) : t(outputReason(a), { name: activationName(a) }) };
  });
  const lossReason = (loss: LossKind): MessageKey =>
    task === 'multiclass' ? 'config.option.notForClasses' : loss === 'ce' ? 'config.option.needsClasses' : 'config.option.needsLabels';
  const losses: Option<LossKind>[] = LOSSES.map((loss) => {
    const allowed = isLossAllowed(loss, task);
    const name = t(`config.loss.${loss}`);
    return { value: loss, disabled: !allowed, label: allowed ? name : t(lossReason(loss), { name, count: outputSize }) };
  });
  const schemes: Option<InitScheme>[] = INIT_SCHEMES.map((s) => ({ value: s, label: t(`config.init.${s}`) }));

  const chooseLoss = (loss: LossKind) => {
    if (loss === config.loss) return;
    const adjusted = adjustForLoss(config.outputActivation, loss);
    if (commit(adjusted.patch) === true) onNote(adjusted.note);
  };
  const lossHint = note
    ? <span role="status">{t(note)}</span>
    : task === 'regression' ? t('config.pairing.regression') : task === 'multiclass' ? t('config.pairing.multiclass', { count: outputSize }) : undefined;
  const outputHint = config.loss === 'bce' ? t('config.pairing.bce') : config.loss === 'ce' ? t('config.pairing.ce', { count: outputSize }) : undefined;

  return (
    <fieldset className="cfg-group">
      <legend>{t('config.network')}</legend>
      <NumberField
        label={t('config.hiddenSize')} help={t('config.hiddenSize.help')} value={config.hiddenSize}
        rule={{ min: 1, max: MAX_HIDDEN, isInteger: true }}
        onCommit={(hiddenSize) => commit({ hiddenSize })}
      />
      <SelectField
        label={t('config.hiddenActivation')} help={t('config.hiddenActivation.help')}
        value={config.hiddenActivation} options={activations}
        onChange={(hiddenActivation) => commit({ hiddenActivation })}
      />
      <SelectField
        label={t('config.outputActivation')} help={t('config.outputActivation.help')}
        value={config.outputActivation} options={outputs}
        hint={outputHint}
        onChange={(outputActivation) => commit({ outputActivation })}
      />
      <SelectField
        label={t('config.loss')} help={t('config.loss.help')}
        value={config.loss} options={losses} hint={lossHint}
        onChange={chooseLoss}
      />
      <SelectField
        label={t('config.init')} help={t('config.init.help')}
        value={init.scheme} options={schemes} hint={t(`config.initFormula.${init.scheme}`)}
        onChange={(scheme) => commit({ init: { ...init, scheme } })}
      />
      {init.scheme === 'tutorial' && (
        <NumberField
          label={t('config.initScale')} help={t('config.initScale.help')} value={init.scale}
          rule={{ min: 0 }}
          onCommit={(scale) => commit({ init: { ...init, scale } })}
        />
      )}
      <NumberField
        label={t('config.initSeed')} help={t('config.initSeed.help')} value={init.seed}
        rule={{ min: 0, max: 2 ** 32 - 1, isInteger: true }}
        onCommit={(seed) => commit({ init: { ...init, seed } })}
      />
    </fieldset>
  );
}
