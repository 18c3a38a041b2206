import { App } from './App';
import { StoreProvider } from './StoreProvider';

/** The app with its store. */
export function Root() {
  return (
    <StoreProvider>
      <App />
    </StoreProvider>
  );
}
