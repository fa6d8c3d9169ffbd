import { CheckCircleFilled, CheckOutlined, CloseCircleFilled, CloseOutlined, CopyOutlined, DownOutlined, ExclamationCircleFilled, InfoCircleFilled, LeftOutlined, LoadingOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import type { ConfigProviderProps } from 'antd';
import { useMemo, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

// Ant Design's icons name themselves in English (role="img" aria-label="down", "close-circle",
// "search"), and Ant Design draws such icons inside its own controls; a screen reader in zh-CN would
// read those words. The console's rule: an icon beside words, or inside a control named otherwise, is
// hidden from screen readers (aria-hidden); an icon that is a control's only content names it, in the
// interface language. The console's own icons say so where they are used; Ant Design's are given here.

type IconProps = ComponentProps<typeof CloseCircleFilled>;

/** The clear (×) button of a text box: the icon is all it shows, so it names it. */
export function ClearIcon(props: IconProps) {
  const { t } = useTranslation();
  return <CloseCircleFilled aria-label={t('app.clear')} {...props} />;
}

/** The search button of a search box, named the same way. */
export function SearchIcon(props: IconProps) {
  const { t } = useTranslation();
  return <SearchOutlined aria-label={t('app.search')} {...props} />;
}

/** The close (×) button of an alert: Ant Design leaves it unnamed but for the icon's "close". */
export function CloseIcon(props: IconProps) {
  const { t } = useTranslation();
  return <CloseOutlined aria-label={t('app.close')} {...props} />;
}

/** A clearable Select / TreeSelect: `allowClear={useSelectClear()}` (Ant Design names the clear button "Clear"). */
export function useSelectClear() {
  const { t } = useTranslation();
  return useMemo(() => ({ clearIcon: <CloseCircleFilled aria-hidden />, label: t('app.clear') }), [t]);
}

/**
 * InputNumber's step buttons are named "Increase Value" / "Decrease Value" by the library, with no
 * way to rename them: the console's number boxes have none (`controls={false}`); the arrow keys step.
 */
export const NO_STEP_BUTTONS = false;

/** The arrow of a drop-down (Select, TreeSelect): the box itself is the control. */
export const selectArrow = <DownOutlined aria-hidden />;

/** A clearable text box: `allowClear={clearable}`. */
export const clearable = { clearIcon: <ClearIcon /> };

/** The navigation's collapse handle: an arrow that says what it does. */
export function SiderTrigger({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return collapsed ? <RightOutlined aria-label={t('nav.expand')} /> : <LeftOutlined aria-label={t('nav.collapse')} />;
}

/** A Popconfirm's warning sign, beside its question: `icon={confirmIcon}`. */
export const confirmIcon = <ExclamationCircleFilled aria-hidden />;

/** Typography's copy button is named by Ant Design's locale (复制 / 复制成功); its icons are not: `copyable={{ icon: copyIcons }}`. */
export const copyIcons: [React.ReactNode, React.ReactNode] = [<CopyOutlined key="copy" aria-hidden />, <CheckOutlined key="copied" aria-hidden />];

/** The sign before an alert's or a confirmation's words: its colour says what the words say. */
const signs = {
  successIcon: <CheckCircleFilled aria-hidden />,
  infoIcon: <InfoCircleFilled aria-hidden />,
  warningIcon: <ExclamationCircleFilled aria-hidden />,
  errorIcon: <CloseCircleFilled aria-hidden />,
};

/**
 * A busy button's spinner, beside the button's words. Given here, it is drawn plainly while the button
 * is busy and gone when it is not. Ant Design's default spinner grows and shrinks in a CSS transition and
 * leaves only on that transition's end event. When the button turns busy and idle again within a frame or
 * two (a fast answer on a loaded machine), the browser cancels the transition, no end event comes, and the
 * spinner can stay beside the words for good (CI saw it on 客户偏好's 保存, idle, still spinning).
 */
export const buttonSpinner = <LoadingOutlined aria-hidden />;

/** Ant Design's own icons, wherever ConfigProvider can give them (the rest are given where used). */
export const quietIcons: Pick<ConfigProviderProps, 'button' | 'select' | 'inputSearch' | 'datePicker' | 'timePicker' | 'alert' | 'modal'> = {
  button: { autoInsertSpace: false, loadingIcon: buttonSpinner },
  select: { suffixIcon: selectArrow },
  inputSearch: { searchIcon: <SearchIcon /> },
  datePicker: { clearIcon: <ClearIcon /> },
  timePicker: { clearIcon: <ClearIcon /> },
  alert: { ...signs, closeIcon: <CloseIcon /> },
  modal: signs,
};
