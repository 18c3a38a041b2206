// Component tests opt into jsdom per file with `// @vitest-environment jsdom`;
// this file only wires Testing Library's cleanup when a DOM exists.
import { afterEach } from 'vitest';

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
