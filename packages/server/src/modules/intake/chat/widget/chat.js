/* Gongdan chat widget: <script src="https://SERVER/widget/chat.js" data-key="ch_…" async></script>
 * A floating button and a chat panel (in a shadow root, so the page's styles do not leak in), talking
 * to the server over WebSocket. Plain ES2017, no build step. The conversation id and visitor token are
 * kept in localStorage, so a visitor coming back finds their conversation and the agents' replies. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__gongdanChat) return;
  var key = script.getAttribute('data-key') || '';
  var origin = new URL(script.src, location.href).origin;
  var socketUrl = origin.replace(/^http/, 'ws') + '/api/v1/public/chat?key=' + encodeURIComponent(key);
  var zh = String(script.getAttribute('data-lang') || navigator.language || '').toLowerCase().indexOf('zh') === 0;
  var T = zh
    ? { open: '在线客服', title: '在线客服', placeholder: '请输入您的问题…', send: '发送', sending: '发送中…', failed: '未发送，点击重试', you: '我', agent: '客服', profile: '方便时留下联系方式，以便客服回复您（可跳过）', name: '姓名', email: '邮箱', phone: '手机号', save: '确定', skip: '跳过', offline: '连接中断，正在重连…', ticket: '工单号', welcome: '您好，请问有什么可以帮您？', close: '关闭' }
    : { open: 'Chat with us', title: 'Support chat', placeholder: 'Type your question…', send: 'Send', sending: 'Sending…', failed: 'Not sent, tap to retry', you: 'You', agent: 'Support', profile: 'Leave your contact details so we can get back to you (optional)', name: 'Name', email: 'Email', phone: 'Phone', save: 'OK', skip: 'Skip', offline: 'Connection lost, reconnecting…', ticket: 'Ticket', welcome: 'Hello, how can we help?', close: 'Close' };
  var storeKey = 'gongdan-chat:' + key;
  var state = load();
  var pending = {}; // id → { text, el }
  var ws = null;
  var retry = 1000;
  var stopped = false;

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey) || '{}') || {}; } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* private mode: the conversation lasts this page */ }
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function newId() {
    return (Date.now().toString(36) + Math.random().toString(36).slice(2, 10)).replace(/[^a-z0-9]/g, '');
  }

  var host = el('div', { id: 'gongdan-chat' });
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  var style = el('style', {}, [
    ':host{all:initial}',
    '.btn{position:fixed;right:20px;bottom:20px;z-index:2147483000;background:#1677ff;color:#fff;border:0;border-radius:24px;padding:12px 18px;font:14px/1.4 system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 12px rgba(0,0,0,.2)}',
    '.panel{position:fixed;right:20px;bottom:76px;z-index:2147483000;width:340px;max-width:calc(100vw - 40px);height:460px;max-height:calc(100vh - 100px);background:#fff;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.25);display:none;flex-direction:column;font:14px/1.5 system-ui,sans-serif;color:#222;overflow:hidden}',
    '.panel.open{display:flex}',
    '.head{background:#1677ff;color:#fff;padding:10px 14px;display:flex;justify-content:space-between;align-items:center}',
    '.head button{background:none;border:0;color:#fff;font-size:18px;cursor:pointer}',
    '.list{flex:1;overflow-y:auto;padding:10px;background:#f5f6f8}',
    '.msg{margin:6px 0;display:flex;flex-direction:column}',
    '.msg .bubble{max-width:80%;padding:7px 10px;border-radius:8px;white-space:pre-wrap;word-break:break-word}',
    '.msg.visitor{align-items:flex-end}.msg.visitor .bubble{background:#1677ff;color:#fff}',
    '.msg.agent{align-items:flex-start}.msg.agent .bubble{background:#fff;border:1px solid #e5e6eb}',
    '.msg .meta{font-size:11px;color:#888;margin:2px 4px}',
    '.note{font-size:12px;color:#888;text-align:center;margin:6px 0}',
    '.profile{padding:8px 10px;border-top:1px solid #eee;display:flex;flex-direction:column;gap:4px}',
    '.profile input{padding:5px 7px;border:1px solid #ccc;border-radius:4px;font:inherit}',
    '.row{display:flex;gap:6px;justify-content:flex-end}',
    '.row button,.compose button{background:#1677ff;color:#fff;border:0;border-radius:4px;padding:5px 12px;cursor:pointer;font:inherit}',
    '.row button.link{background:none;color:#1677ff}',
    '.compose{display:flex;gap:6px;padding:8px;border-top:1px solid #eee}',
    '.compose textarea{flex:1;resize:none;height:44px;padding:5px 7px;border:1px solid #ccc;border-radius:4px;font:inherit}'
  ].join(''));
  var button = el('button', { class: 'btn', type: 'button', part: 'button' }, T.open);
  var panel = el('div', { class: 'panel', role: 'dialog', 'aria-label': T.title });
  var head = el('div', { class: 'head' });
  var headTitle = el('span', {}, T.title);
  var closeBtn = el('button', { type: 'button', 'aria-label': T.close }, '×');
  head.appendChild(headTitle);
  head.appendChild(closeBtn);
  var list = el('div', { class: 'list', 'aria-live': 'polite' });
  var status = el('div', { class: 'note' });
  var profile = el('form', { class: 'profile' });
  profile.appendChild(el('div', { class: 'note' }, T.profile));
  var inName = el('input', { name: 'name', placeholder: T.name, maxlength: '100' });
  var inEmail = el('input', { name: 'email', type: 'email', placeholder: T.email, maxlength: '320' });
  var inPhone = el('input', { name: 'phone', type: 'tel', placeholder: T.phone, maxlength: '30' });
  var row = el('div', { class: 'row' });
  var skip = el('button', { type: 'button', class: 'link' }, T.skip);
  row.appendChild(skip);
  row.appendChild(el('button', { type: 'submit' }, T.save));
  [inName, inEmail, inPhone, row].forEach(function (x) { profile.appendChild(x); });
  var compose = el('form', { class: 'compose' });
  var input = el('textarea', { placeholder: T.placeholder, maxlength: '1000', 'aria-label': T.placeholder });
  compose.appendChild(input);
  compose.appendChild(el('button', { type: 'submit' }, T.send));
  [head, list, status, profile, compose].forEach(function (x) { panel.appendChild(x); });
  root.appendChild(style);
  root.appendChild(button);
  root.appendChild(panel);
  (document.body || document.documentElement).appendChild(host);
  if (state.profileDone) profile.style.display = 'none';

  function line(m, extra) {
    var wrap = el('div', { class: 'msg ' + (m.from === 'agent' ? 'agent' : 'visitor'), 'data-id': m.id });
    wrap.appendChild(el('div', { class: 'bubble' }, m.text));
    wrap.appendChild(el('div', { class: 'meta' }, extra || (m.from === 'agent' ? (m.authorName || T.agent) : T.you)));
    return wrap;
  }
  function show(m, extra) {
    var old = list.querySelector('[data-id="' + m.id + '"]');
    var n = line(m, extra);
    if (old) list.replaceChild(n, old); else list.appendChild(n);
    list.scrollTop = list.scrollHeight;
    return n;
  }
  function frame(f) {
    if (ws && ws.readyState === 1) { ws.send(JSON.stringify(f)); return true; }
    return false;
  }
  function sendMessage(id, text) {
    pending[id] = { text: text };
    show({ id: id, from: 'visitor', text: text }, T.sending);
    if (!ws) connect(); else frame({ type: 'message', id: id, text: text });
  }
  function connect() {
    if (stopped || !key) return;
    ws = new WebSocket(socketUrl);
    ws.onopen = function () {
      retry = 1000;
      status.textContent = '';
      frame({ type: 'hello', conversationId: state.conversationId, visitorToken: state.visitorToken });
      if (state.profile) frame({ type: 'profile', profile: state.profile });
    };
    ws.onmessage = function (ev) {
      var f;
      try { f = JSON.parse(ev.data); } catch (e) { return; }
      if (f.type === 'welcome') {
        state.conversationId = f.conversationId;
        state.visitorToken = f.visitorToken;
        save();
        list.textContent = '';
        list.appendChild(el('div', { class: 'note' }, T.welcome));
        if (f.ticketNumber) headTitle.textContent = T.title + ' · ' + T.ticket + ' #' + f.ticketNumber;
        f.messages.forEach(function (m) { show(m); });
        for (var id in pending) { show({ id: id, from: 'visitor', text: pending[id].text }, T.sending); frame({ type: 'message', id: id, text: pending[id].text }); }
      } else if (f.type === 'ack') {
        if (pending[f.id]) { show({ id: f.id, from: 'visitor', text: pending[f.id].text }); delete pending[f.id]; }
      } else if (f.type === 'message') {
        show(f.message);
      } else if (f.type === 'error') {
        if (f.id && pending[f.id]) { show({ id: f.id, from: 'visitor', text: pending[f.id].text }, f.message); delete pending[f.id]; }
        else status.textContent = f.message;
      }
    };
    ws.onclose = function (ev) {
      ws = null;
      if (ev.code === 4404) { stopped = true; status.textContent = 'Unknown chat key'; return; }
      status.textContent = T.offline;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    };
  }
  function open() {
    panel.classList.add('open');
    if (!ws) connect();
    input.focus();
  }
  button.addEventListener('click', function () { panel.classList.contains('open') ? panel.classList.remove('open') : open(); });
  closeBtn.addEventListener('click', function () { panel.classList.remove('open'); });
  compose.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    sendMessage(newId(), text);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); compose.requestSubmit ? compose.requestSubmit() : compose.dispatchEvent(new Event('submit')); }
  });
  profile.addEventListener('submit', function (e) {
    e.preventDefault();
    state.profile = { name: inName.value.trim(), email: inEmail.value.trim(), phone: inPhone.value.trim() };
    state.profileDone = true;
    save();
    profile.style.display = 'none';
    frame({ type: 'profile', profile: state.profile });
  });
  skip.addEventListener('click', function () { state.profileDone = true; save(); profile.style.display = 'none'; });
  // a returning visitor is connected at once, so agents' replies arrive while the panel is closed
  if (state.conversationId) connect();
  window.__gongdanChat = { open: open, close: function () { stopped = true; if (ws) ws.close(); } };
})();
