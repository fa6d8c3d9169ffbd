import { prefetchFor } from './api/prefetch';
import { preloadPage } from './page-loaders';
import './styles.css';

// The entry is small on purpose: on a cold load it starts the session check, what the address shows
// and the code of its page at once, while the app itself (React, Ant Design, the frame) is loading.
prefetchFor(location.pathname);
preloadPage(location.pathname);
void import('./render-app').then(({ renderApp }) => renderApp(document.getElementById('root')!));
