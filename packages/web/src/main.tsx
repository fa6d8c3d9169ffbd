import { prefetchFor } from './api/prefetch';
import { preloadPage } from './page-loaders';
import 'antd/dist/antd.css';
import './styles.css';

// The entry is small on purpose: on a cold load it starts the session check, what the address shows
// and the code of its page at once, while the app itself (React, Ant Design, the frame) is loading.
prefetchFor(location.pathname);
preloadPage(location.pathname);
// (the entry is loaded async, so the document may still be parsing when the app's code arrives)
const domReady = document.readyState === 'loading' ? new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true })) : Promise.resolve();
void Promise.all([import('./render-app'), domReady]).then(([{ renderApp }]) => renderApp(document.getElementById('root')!));
