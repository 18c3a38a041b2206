// Component tests opt into jsdom per file with `// @vitest-environment jsdom`. There, motion
// is off (matchMedia prefers reduced motion) and Testing Library cleans up after each test.
import { afterEach } from 'vitest';

if (typeof window !== 'undefined') {
  window.matchMedia = (query: string) =>
    ({
      matches: query.includes('prefers-reduced-motion'), media: query, onchange: null,
      addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
