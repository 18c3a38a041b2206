/** Which training sample's numbers the diagram (and the equations) show. */
import { useState } from 'react';
import { useT } from '../../i18n/index';
import { formatValue } from '../../viz/color';

interface SamplePickerProps {
  /** 0-based column of the batch. */
  sample: number;
  count: number;
  /** 0-based column of the training set, when the batch is a subset of it. */
  trainingIndex: number | null;
  targets: readonly number[];
  /** The sample's class when the targets are one-hot (softmax with ce), else null. */
  trueClass: number | null;
  onChange(sample: number): void;
}

const label = (y: number) => (Number.isInteger(y) ? String(y) : formatValue(y));

export function SamplePicker({ sample, count, trainingIndex, targets, trueClass, onChange }: SamplePickerProps) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const change = (text: string) => {
    setDraft(text);
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n <= count) onChange(n - 1);
  };
  return (
    <div className="network-sample" role="group" aria-label={t('network.samplePicker')}>
      <button type="button" onClick={() => onChange(sample - 1)} disabled={sample <= 0} aria-label={t('network.previousSample')}>◀</button>
      <label>
        {t('network.sample')}{' '}
        <input type="number" inputMode="numeric" min={1} max={count} value={draft ?? String(sample + 1)}
          onChange={(e) => change(e.target.value)} onBlur={() => setDraft(null)} />
      </label>
      <span>{t('network.sampleOf', { count })}</span>
      <button type="button" onClick={() => onChange(sample + 1)} disabled={sample >= count - 1} aria-label={t('network.nextSample')}>▶</button>
      <span className="network-sample-y">
        {trueClass !== null && `${t('network.sampleClass', { class: trueClass })}: `}y = {targets.map(label).join(', ')}
      </span>
      {trainingIndex !== null && <span className="network-muted">({t('network.sampleTraining', { index: trainingIndex + 1 })})</span>}
    </div>
  );
}
