/** Renders a view inside a provider with a fresh store (STYLE.md §4, §8). */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { StoreProvider } from '../../src/app/StoreProvider';
import { createAppStore, type AppInit } from '../../src/store/index';

export function renderWithStore(ui: ReactElement, init: AppInit = {}) {
  const store = createAppStore(init);
  const user = userEvent.setup();
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { ...result, store, user };
}
