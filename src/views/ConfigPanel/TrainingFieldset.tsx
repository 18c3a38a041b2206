/** The Training fieldset: optimizer and its hyperparameters (PyTorch's defaults beside them), batch, L2. */
import { useId } from 'react';
import { OPTIMIZER_DEFAULTS, type OptimizerSpec } from '../../engine/index';
import { useT } from '../../i18n/index';
import { selectConfig, selectDataset, useAppStore } from '../../store/index';
import { NumberField, SelectField, type Commit, type Option } from './Field';
import { LearningRate } from './LearningRate';
import type { NumberRule } from './numbers';

/** The four choices; "momentum" is SGD with a momentum above 0. */
type Choice = 'sgd' | 'momentum' | 'rmsprop' | 'adam';
const CHOICES: readonly Choice[] = ['sgd', 'momentum', 'rmsprop', 'adam'];
/** The momentum chosen with "SGD with momentum" (PyTorch's default is 0, i.e. plain SGD). */
const MOMENTUM = 0.9;
/** Mini-batch size offered first. */
const MINI_BATCH = 32;

type Hyper = 'momentum' | 'alpha' | 'beta1' | 'beta2' | 'eps';
const HYPERS: Record<Choice, readonly Hyper[]> = {
  sgd: [],
  momentum: ['momentum'],
  rmsprop: ['alpha', 'eps', 'momentum'],
  adam: ['beta1', 'beta2', 'eps'],
};
const RULES: Record<Hyper, NumberRule> = {
  momentum: { min: 0, max: 1, isMaxOpen: true },
  alpha: { min: 0, max: 1 },
  beta1: { min: 0, max: 1, isMaxOpen: true },
  beta2: { min: 0, max: 1, isMaxOpen: true },
  eps: { min: 0, isMinOpen: true },
};

const choiceOf = (spec: OptimizerSpec): Choice => (spec.kind === 'sgd' ? ((spec.momentum ?? 0) > 0 ? 'momentum' : 'sgd') : spec.kind);

/** torch.optim's default of a hyperparameter of `kind`. */
function defaultOf(kind: OptimizerSpec['kind'], hyper: Hyper | 'weightDecay'): number {
  const defaults: Record<string, number> = OPTIMIZER_DEFAULTS[kind];
  return defaults[hyper] ?? 0;
}

/** A new spec for `choice`, keeping the learning rate and weight decay, other fields at PyTorch's defaults. */
function specFor(choice: Choice, spec: OptimizerSpec): OptimizerSpec {
  const keep = { lr: spec.lr, ...(spec.weightDecay ? { weightDecay: spec.weightDecay } : {}) };
  if (choice === 'momentum') return { kind: 'sgd', ...keep, momentum: MOMENTUM };
  return { kind: choice, ...keep };
}

export function TrainingFieldset({ commit }: { readonly commit: Commit }) {
  const t = useT();
  const config = useAppStore(selectConfig);
  const m = useAppStore(selectDataset).train.X.cols;
  const spec = config.optimizer;
  const choice = choiceOf(spec);
  const batchName = useId();
  const isMini = config.batchSize !== null && config.batchSize < m;

  const options: Option<Choice>[] = CHOICES.map((c) => ({ value: c, label: t(`config.optimizer.${c}`) }));
  const value = (hyper: Hyper | 'weightDecay'): number => (spec as Partial<Record<Hyper | 'weightDecay', number>>)[hyper] ?? defaultOf(spec.kind, hyper);
  const setHyper = (hyper: Hyper | 'weightDecay', v: number) => commit({ optimizer: { ...spec, [hyper]: v } as OptimizerSpec });
  const defaultHint = (hyper: Hyper | 'weightDecay') => t('config.default', { value: defaultOf(spec.kind, hyper) });

  return (
    <fieldset className="cfg-group">
      <legend>{t('config.training')}</legend>
      <SelectField
        label={t('config.optimizer')} help={t('config.optimizer.help')} value={choice} options={options}
        onChange={(next) => commit({ optimizer: specFor(next, spec) })}
      />
      <LearningRate spec={spec} commit={commit} />
      {HYPERS[choice].map((hyper) => (
        <NumberField
          key={`${spec.kind}-${hyper}`}
          label={t(`config.${hyper}`)} help={t(`config.${hyper}.help`)} value={value(hyper)}
          rule={RULES[hyper]} hint={defaultHint(hyper)}
          onCommit={(v) => setHyper(hyper, v)}
        />
      ))}
      <NumberField
        label={t('config.weightDecay')} help={t('config.weightDecay.help')} value={value('weightDecay')}
        rule={{ min: 0 }} hint={defaultHint('weightDecay')}
        onCommit={(v) => setHyper('weightDecay', v)}
      />
      <fieldset className="cfg-batch" aria-describedby={`${batchName}-help`}>
        <legend className="cfg-label">{t('config.batch')}</legend>
        <label className="cfg-radio">
          <input type="radio" name={batchName} checked={!isMini} onChange={() => commit({ batchSize: null })} />
          {t('config.batch.full', { m })}
        </label>
        <label className="cfg-radio">
          <input
            type="radio" name={batchName} checked={isMini} disabled={m < 2}
            onChange={() => commit({ batchSize: Math.min(MINI_BATCH, m - 1) })}
          />
          {t('config.batch.mini')}
        </label>
        <p id={`${batchName}-help`} className="cfg-help">{t('config.batch.help')}</p>
      </fieldset>
      {isMini && config.batchSize !== null && (
        <>
          <NumberField
            label={t('config.batchSize')} help={t('config.batchSize.help', { m })} value={config.batchSize}
            rule={{ isInteger: true }}
            check={(v) => (v >= 1 && v <= m - 1 ? null : { key: 'config.error.batch', params: { max: m - 1, m, value: v } })}
            onCommit={(batchSize) => commit({ batchSize })}
          />
          <NumberField
            label={t('config.shuffleSeed')} help={t('config.shuffleSeed.help')} value={config.shuffleSeed}
            rule={{ min: 0, max: 2 ** 32 - 1, isInteger: true }}
            onCommit={(shuffleSeed) => commit({ shuffleSeed })}
          />
        </>
      )}
    </fieldset>
  );
}
