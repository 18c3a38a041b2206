import { useState } from 'react';
import type { LossKind, PhaseId } from '../../engine/index';
import { useT } from '../../i18n/index';
import { useAppStore, type AppState } from '../../store/index';
import { focusFor, pickersFor, type EquationFocus, type EquationSizes } from '../../viz/equations';

const selectSetFocusSample = (s: AppState) => s.setFocusSample;
const selectSetFocusNeuron = (s: AppState) => s.setFocusNeuron;
const selectSetFocusEdge = (s: AppState) => s.setFocusEdge;

type Picker = 'hidden' | 'output' | 'input';
const PICKER_LABELS = { hidden: 'eq.pick.hidden', output: 'eq.pick.output', input: 'eq.pick.input' } as const;

interface FocusPickerProps {
  readonly phase: PhaseId;
  readonly sizes: EquationSizes;
  readonly focus: EquationFocus;
  readonly loss: LossKind;
}

/** The sample (not in the update, which uses no sample) and the neurons the phase's numbers depend on; each change goes to the store's focus. */
export function FocusPicker({ phase, sizes, focus, loss }: FocusPickerProps) {
  const t = useT();
  const setFocusSample = useAppStore(selectSetFocusSample);
  const setFocusNeuron = useAppStore(selectSetFocusNeuron);
  const setFocusEdge = useAppStore(selectSetFocusEdge);
  const [draft, setDraft] = useState<string | null>(null);

  const choose = (picker: Picker, index: number) => {
    const next = focusFor(phase, { ...focus, [picker]: index });
    setFocusNeuron(next.neuron);
    setFocusEdge(next.edge);
  };
  const count = { hidden: sizes.h, output: sizes.o, input: sizes.n };
  const optionText = (picker: Picker, k: number) => (picker === 'input' ? `x${k + 1}` : String(k + 1));

  return (
    <div className="eq-pickers">
      {phase !== 'update' && (
        <label className="eq-picker">
          <span>{t('eq.pick.sample')}</span>
          <input
            type="number" inputMode="numeric" min={1} max={sizes.m} step={1}
            value={draft ?? String(focus.sample + 1)}
            onChange={(e) => {
              setDraft(e.target.value);
              const v = Number(e.target.value);
              if (Number.isInteger(v) && v >= 1 && v <= sizes.m) setFocusSample(v - 1);
            }}
            onBlur={() => setDraft(null)}
          />
        </label>
      )}
      {pickersFor(phase, sizes, loss).map((picker) => (
        <label className="eq-picker" key={picker}>
          <span>{t(PICKER_LABELS[picker])}</span>
          <select value={focus[picker]} onChange={(e) => choose(picker, Number(e.target.value))}>
            {Array.from({ length: count[picker] }, (_, k) => (
              <option key={k} value={k}>{optionText(picker, k)}</option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
