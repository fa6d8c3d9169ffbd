// Makes /field an installable app: the manifest link (only on the phone's pages) and the service worker
// that keeps the app shell for opening without network. The worker is told which of the page's files
// to keep (the hashed scripts and styles it loaded), since their names change with every build.

export function installPwa() {
  if (!document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = '/field-manifest.webmanifest';
    document.head.appendChild(link);
    const theme = document.createElement('meta');
    theme.name = 'theme-color';
    theme.content = '#1677ff';
    document.head.appendChild(theme);
  }
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/field-sw.js', { scope: '/field' })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
        .map((u) => u.pathname);
      reg.active?.postMessage({ type: 'cache', urls: [...new Set(urls)] });
    })
    .catch(() => undefined);
}
