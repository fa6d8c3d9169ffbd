import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { quietIcons } from './quiet-icons';

/**
 * Ant Design as the console uses it: its texts in the interface language (zh_CN / en_US, following
 * i18next), its icons quiet for screen readers (quiet-icons.tsx), two-character Chinese buttons with no
 * inserted space.
 */
export function Themed({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }} {...quietIcons}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
