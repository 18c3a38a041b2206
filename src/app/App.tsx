import { CodePanel } from '../views/CodePanel';
import { Controls } from '../views/Controls';
import { EquationPanel } from '../views/EquationPanel';
import { LossChart } from '../views/LossChart';
import { MatrixPanel } from '../views/MatrixPanel';
import { NetworkView } from '../views/NetworkView';
import { PlaybackClock } from '../playback';
import { Header } from './Header';

/** The studio: every view of the current phase, in sync, around one set of controls. */
export function App() {
  return (
    <div className="app">
      <Header />
      <Controls />
      <PlaybackClock />
      <main className="studio">
        <div className="studio-network"><NetworkView /></div>
        <div className="studio-equations"><EquationPanel /></div>
        <div className="studio-matrices"><MatrixPanel /></div>
        <div className="studio-code"><CodePanel /></div>
        <div className="studio-curves"><LossChart /></div>
      </main>
    </div>
  );
}
