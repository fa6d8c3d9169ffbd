import { BrowserRouter } from 'react-router';
import { AppRoutes, Providers } from '../app';
import { renderUi } from './render';

/** The whole console at the current location (set it with window.history.pushState first), as the browser gets it. */
export function renderApp() {
  return renderUi(
    <Providers>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>,
  );
}
