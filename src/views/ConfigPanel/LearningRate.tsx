/** The learning rate: a log-scale slider (1e-5 … 10) and an exact field, both showing the config's value. */
import { OPTIMIZER_DEFAULTS, type OptimizerSpec } from '../../engine/index';
import { useT } from '../../i18n/index';
import { NumberField, type Commit } from './Field';
import { LR_SLIDER, formatNumber, lrToSlider, sliderToLr } from './numbers';

/** torch.optim's default lr per optimizer (SGD's since PyTorch 2.2). */
export const LR_DEFAULTS: Record<keyof typeof OPTIMIZER_DEFAULTS, number> = { sgd: 0.001, rmsprop: 0.01, adam: 0.001 };

interface Props {
  readonly spec: OptimizerSpec;
  readonly commit: Commit;
}

export function LearningRate({ spec, commit }: Props) {
  const t = useT();
  const setLr = (lr: number) => commit({ optimizer: { ...spec, lr } });
  return (
    <NumberField
      className="cfg-lr"
      label={t('config.lr')} help={t('config.lr.help')} value={spec.lr}
      rule={{ min: 0, isMinOpen: true }}
      hint={t('config.default', { value: LR_DEFAULTS[spec.kind] })}
      onCommit={setLr}
      before={(describedBy) => (
        <input
          className="cfg-slider"
          type="range"
          min={LR_SLIDER.min}
          max={LR_SLIDER.max}
          step={LR_SLIDER.step}
          value={lrToSlider(spec.lr)}
          aria-label={t('config.lrSlider')}
          aria-valuetext={formatNumber(spec.lr)}
          aria-describedby={describedBy}
          onChange={(e) => {
            const lr = sliderToLr(Number(e.target.value));
            if (lr !== spec.lr) setLr(lr);
          }}
        />
      )}
    />
  );
}
