import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

export function renderApp(root: HTMLElement) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
