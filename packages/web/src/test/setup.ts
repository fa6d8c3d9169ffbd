import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// antd reads these browser APIs that happy-dom leaves out.
if (!window.matchMedia)
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;

// pages load lazily; when the whole suite shares the CPU with the server tests that can take seconds
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
