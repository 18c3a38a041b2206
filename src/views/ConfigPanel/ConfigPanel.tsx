/**
 * The setup panel: presets, data, network and training. Every committed change goes to the
 * store at once through setConfig (which restarts the timeline and says so); values the store
 * would refuse are caught here first, with a specific message beside the field.
 */
import { useCallback, useId, useState } from 'react';
import { useT, type MessageKey } from '../../i18n/index';
import { selectConfig, useAppStore, useStoreApi, type StudioConfig } from '../../store/index';
import { PRESETS, matchPreset } from '../../store/presets';
import { DataFieldset } from './DataFieldset';
import { useCommit, type Commit } from './Field';
import { NetworkFieldset } from './NetworkFieldset';
import { SessionFile } from './SessionFile';
import { TrainingFieldset } from './TrainingFieldset';
import './configPanel.css';

/** A switch made along with a change, and the config it belongs to (it goes stale with any later change). */
interface Note {
  readonly at: 'data' | 'loss';
  readonly key: MessageKey;
  readonly config: StudioConfig;
}

function Presets({ commit }: { readonly commit: Commit }) {
  const t = useT();
  const current = matchPreset(useAppStore(selectConfig));
  const idPrefix = useId();
  return (
    <fieldset className="cfg-group cfg-presets">
      <legend>{t('config.presets')}</legend>
      <ul className="cfg-preset-list">
        {PRESETS.map((p) => (
          <li key={p.id} className="cfg-field cfg-preset">
            <button
              type="button"
              className="cfg-preset-button"
              aria-pressed={current === p.id}
              aria-describedby={`${idPrefix}-${p.id}`}
              onClick={() => commit(p.config)}
            >
              {t(`config.preset.${p.id}`)}
            </button>
            <p id={`${idPrefix}-${p.id}`} className="cfg-help">{t(`config.presetHelp.${p.id}`)}</p>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function ConfigPanel() {
  const t = useT();
  const store = useStoreApi();
  const commit = useCommit();
  const config = useAppStore(selectConfig);
  const titleId = useId();
  const [note, setNote] = useState<Note | null>(null);
  const noteAt = useCallback(
    (at: Note['at']) => (key: MessageKey | null) => setNote(key ? { at, key, config: store.getState().config } : null),
    [store],
  );
  const live = note && note.config === config ? note : null;

  return (
    <section className="panel config-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('config.title')}</h2>
      <SessionFile />
      <Presets commit={commit} />
      <DataFieldset
        commit={commit} note={live?.at === 'data' ? live.key : null} onNote={noteAt('data')}
      />
      <NetworkFieldset commit={commit} note={live?.at === 'loss' ? live.key : null} onNote={noteAt('loss')} />
      <TrainingFieldset commit={commit} />
    </section>
  );
}
