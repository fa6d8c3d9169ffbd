import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { quietIcons } from './quiet-icons';

/**
 * Ant Design's styles come from its static stylesheet (antd/dist/antd.css, linked by the entry), not
 * generated in the page at run time: on a cold load that generation was a large share of the first
 * render. The tokens are the stylesheet's own (CSS variables), so the theme sets none that differ.
 */
export const THEME = { zeroRuntime: true } as const;

/**
 * Ant Design as the console uses it: its texts in the interface language (zh_CN / en_US, following
 * i18next), its icons quiet for screen readers (quiet-icons.tsx), two-character Chinese buttons with no
 * inserted space (quiet-icons.tsx too, with the buttons' spinner).
 */
export function Themed({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={THEME} {...quietIcons}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
