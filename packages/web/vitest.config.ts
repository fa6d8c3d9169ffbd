import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Component tests of the console: logic that lives in the browser, on happy-dom.
export default defineConfig({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    testTimeout: 30_000,
  },
});
