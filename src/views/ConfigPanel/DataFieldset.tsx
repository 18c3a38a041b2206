/** The Data fieldset: which data set, its size, noise, split and seed, and the CSV importer. */
import { DATASET_KINDS, DEFAULT_DATASET_SPECS, type DatasetKind, type DatasetSpec } from '../../data/datasets';
import { useT, type MessageKey } from '../../i18n/index';
import { selectConfig, selectDataset, useAppStore, type AppState } from '../../store/index';
import { CsvImport } from './CsvImport';
import { NumberField, SelectField, type Commit, type Option } from './Field';
import { adjustForData, taskOfKind, type Task } from './pairing';
import type { Problem } from './numbers';

const selectCsv = (s: AppState) => s.csv;
const selectCsvName = (s: AppState) => s.csvName;

type Choice = DatasetKind | 'csv';

interface Props {
  readonly commit: Commit;
  /** The message about loss/output switched along with the data, shown under the data set. */
  readonly note: MessageKey | null;
  readonly onNote: (note: MessageKey | null) => void;
  /** The name of the CSV file the store holds (the store keeps the data set, not its name, once another is chosen). */
}

/** round(points · fraction) must leave at least one sample on each side (as makeDataset checks). */
function splitProblem(points: number, trainFraction: number): Problem | null {
  const nTrain = Math.round(points * trainFraction);
  return nTrain >= 1 && nTrain <= points - 1 ? null : { key: 'config.error.split', params: { value: trainFraction, points } };
}

export function DataFieldset({ commit, note, onNote }: Props) {
  const t = useT();
  const config = useAppStore(selectConfig);
  const dataset = useAppStore(selectDataset);
  const csv = useAppStore(selectCsv);
  const csvName = useAppStore(selectCsvName);
  const data = config.data;
  const spec: DatasetSpec | null = data.kind === 'csv' ? null : data;
  const isFixed = data.kind === 'tutorial-numpy';

  const options: Option<Choice>[] = DATASET_KINDS.map((kind) => ({ value: kind, label: t(`config.dataset.${kind}`) }));
  const fileName = data.kind === 'csv' ? data.name : (csvName ?? 'CSV');
  if (csv) options.push({ value: 'csv', label: t('config.dataset.csv', { name: fileName }) });

  const choose = (choice: Choice) => {
    if (choice === data.kind) return;
    const nextTask: Task = choice === 'csv' ? (csv?.task ?? 'classification') : taskOfKind(choice);
    const nextData = choice === 'csv' ? { kind: 'csv' as const, name: fileName } : DEFAULT_DATASET_SPECS[choice];
    const { patch, note: switched } = adjustForData(config, nextTask, dataset.task);
    if (commit({ data: nextData, ...patch }) === true) onNote(switched);
  };
  const commitSpec = (change: Partial<DatasetSpec>) => (spec ? commit({ data: { ...spec, ...change } }) : true);

  return (
    <fieldset className="cfg-group">
      <legend>{t('config.data')}</legend>
      <SelectField
        label={t('config.dataset')}
        help={t('config.dataset.help')}
        value={data.kind}
        options={options}
        onChange={choose}
        hint={note ? <span role="status">{t(note)}</span> : undefined}
      />
      <p className="cfg-summary">
        {t('config.split', { inputs: dataset.inputSize, train: dataset.train.X.cols, test: dataset.test.X.cols })}
      </p>
      {spec && (
        <>
          {isFixed && <p className="cfg-hint">{t('config.fixedData')}</p>}
          <NumberField
            label={t('config.points')} help={t('config.points.help')} value={spec.points} disabled={isFixed}
            rule={{ min: 10, max: 5000, isInteger: true }}
            check={(points) => splitProblem(points, spec.trainFraction)}
            onCommit={(points) => commitSpec({ points })}
          />
          <NumberField
            label={t('config.noise')} help={t('config.noise.help')} value={spec.noise} disabled={isFixed}
            rule={{ min: 0, max: 1 }}
            onCommit={(noise) => commitSpec({ noise })}
          />
          <NumberField
            label={t('config.trainFraction')} help={t('config.trainFraction.help')} value={spec.trainFraction} disabled={isFixed}
            rule={{ min: 0, max: 1, isMinOpen: true, isMaxOpen: true }}
            check={(trainFraction) => splitProblem(spec.points, trainFraction)}
            onCommit={(trainFraction) => commitSpec({ trainFraction })}
          />
          <NumberField
            label={t('config.dataSeed')} help={t('config.dataSeed.help')} value={spec.seed} disabled={isFixed}
            rule={{ min: 0, max: 2 ** 32 - 1, isInteger: true }}
            onCommit={(seed) => commitSpec({ seed })}
          />
        </>
      )}
      <CsvImport onNote={onNote} />
    </fieldset>
  );
}
