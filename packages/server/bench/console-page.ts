// The console bench's in-page helpers (window.__gd: input times, DOM conditions, frames, scrolling) and the wait timeout they share.

export const TIMEOUT = 60_000;

// In-page helpers, installed before any script of the console runs. A plain string: functions
// handed to page.evaluate would be compiled by tsx, which may add helpers the page does not have.
export const pageHelpers = (coldTitle: string | null) => `(() => {
  const gd = (window.__gd = { input: 0, inputType: '' });
  for (const type of ['click', 'keydown'])
    addEventListener(type, (e) => { if (e.isTrusted) { gd.input = e.timeStamp; gd.inputType = type; } }, true);
  gd.rows = () => [...document.querySelectorAll('[data-testid^="ticket-row-"]')].map((el) => Number(el.getAttribute('data-testid').slice(11)));
  gd.rowsStartWith = (expected) => { const r = gd.rows(); return expected.length > 0 && expected.every((n, i) => r[i] === n); };
  gd.emptyList = () => !!document.querySelector('[data-testid="ticket-table"] .ant-empty') && gd.rows().length === 0;
  gd.loaded = () => Number((document.querySelector('[data-testid="list-loaded"]')?.textContent ?? '').replace(/[^0-9]/g, '') || -1);
  gd.detailReady = (title) => (document.querySelector('[data-testid="ticket-title"]')?.textContent ?? '').includes(title) && !!document.querySelector('[data-testid="timeline"] [data-index="0"]');
  // resolves with the time the condition was first seen true (checked on every DOM change) and the
  // time of the next animation frame: the result is on screen
  gd.when = (check, timeoutMs) => new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      if (done) return;
      let ok = false;
      try { ok = !!check(); } catch (e) { ok = false; }
      if (!ok) return;
      done = true;
      obs.disconnect();
      clearTimeout(timer);
      const seen = performance.now();
      requestAnimationFrame(() => resolve({ seen, painted: performance.now() }));
    };
    const obs = new MutationObserver(finish);
    obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => { if (!done) { done = true; obs.disconnect(); reject(new Error('condition not met within ' + timeoutMs + ' ms: ' + check)); } }, timeoutMs);
    finish();
  });
  // arms a wait before the action that should satisfy it; false when the condition already holds
  gd.arm = (check, timeoutMs) => {
    let before = false;
    try { before = !!check(); } catch (e) { before = false; }
    gd.pending = before ? null : gd.when(check, timeoutMs);
    return !before;
  };
  // a cold load of a ticket page: ready counted from navigation start; interactive once the reply box takes text
  const coldTitle = ${JSON.stringify(coldTitle)} ?? sessionStorage.getItem('gd-cold-title');
  if (/^\\/tickets\\/\\d+$/.test(location.pathname) && coldTitle)
    gd.cold = gd.when(() => gd.detailReady(coldTitle) && !!document.querySelector('[data-testid="reply-text"]'), ${TIMEOUT});
  // a cold load of the sign-in page: the form can be filled in and sent
  if (location.pathname === '/login')
    gd.coldLogin = gd.when(() => !!document.querySelector('[data-testid="sign-in-form"] [data-testid="sign-in-submit"]:not([disabled])'), ${TIMEOUT});
  // what the page's own files and API answers weighed on the wire (resource timing; all same-origin)
  gd.transferred = () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((s, e) => s + (e.encodedBodySize || 0), 0);
  // frame intervals while something else (a wheel gesture) scrolls
  gd.recordFrames = () => {
    const rec = (gd.frameRec = { frames: [], last: performance.now(), on: true });
    const tick = (now) => { if (!rec.on) return; rec.frames.push(now - rec.last); rec.last = now; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  };
  gd.stopFrames = () => { gd.frameRec.on = false; return gd.frameRec.frames; };
  // scrolls an element by 'step' px per animation frame until 'until()' holds (or the bottom is
  // reached and stays so for 'settleFrames' frames); returns the elapsed time and frame intervals
  gd.scrollFrames = (el, step, until, timeoutMs) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const frames = [];
    let last = t0;
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      el.scrollTop = Math.min(el.scrollTop + step, el.scrollHeight);
      let ok = false;
      try { ok = !!until(); } catch (e) { ok = false; }
      if (ok) return requestAnimationFrame((t) => { frames.push(t - last); resolve({ ms: performance.now() - t0, frames }); });
      if (performance.now() - t0 > timeoutMs) return reject(new Error('scrolling did not reach its end within ' + timeoutMs + ' ms'));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})();`;
