import { cleanup, configure, waitFor } from '@testing-library/react';
import { ConfigProvider, message, notification } from 'antd';
import { createElement } from 'react';
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

// antd's toasts live in a root of their own that cleanup() leaves, and close on a timer of their own: one
// still up when a file ends closed after the test DOM was gone ("window is not defined", reported against
// whichever file the worker ran next). In tests they come and go without animation, and are closed
// after each test that raised one, while the DOM is still there.
ConfigProvider.config({ holderRender: (children) => createElement(ConfigProvider, { theme: { token: { motion: false } } }, children) });
const TOASTS = '.ant-message-notice, .ant-notification-notice';

afterEach(async () => {
  cleanup();
  if (document.querySelector('.ant-message, .ant-notification')) {
    message.destroy();
    notification.destroy();
    await waitFor(() => {
      if (document.querySelector(TOASTS)) throw new Error('a toast is still up');
    });
  }
  localStorage.clear();
  sessionStorage.clear();
});
