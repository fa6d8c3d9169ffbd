import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { calendarsEn } from './calendars.en';
import { calendarsZhCN } from './calendars.zh-CN';
import { dispatchBoardEn } from './dispatch-board.en';
import { dispatchBoardZhCN } from './dispatch-board.zh-CN';
import { dispatchMapEn } from './dispatch-map.en';
import { dispatchMapZhCN } from './dispatch-map.zh-CN';
import { en } from './en';
import { dispatchEn } from './dispatch.en';
import { dispatchZhCN } from './dispatch.zh-CN';
import { importsEn } from './imports.en';
import { importsZhCN } from './imports.zh-CN';
import { intakeEn } from './intake.en';
import { intakeZhCN } from './intake.zh-CN';
import { intelEn } from './intelligence.en';
import { intelZhCN } from './intelligence.zh-CN';
import { slaEn } from './sla.en';
import { slaZhCN } from './sla.zh-CN';
import { zhCN } from './zh-CN';
import { automationEn } from './automation.en';
import { automationZhCN } from './automation.zh-CN';
import { deliveryEn } from './delivery.en';
import { deliveryZhCN } from './delivery.zh-CN';
import { assistEn } from './assist.en';
import { assistZhCN } from './assist.zh-CN';
import { kbEn } from './knowledge.en';
import { kbZhCN } from './knowledge.zh-CN';
import { portalAdminEn } from './portal.en';
import { portalAdminZhCN } from './portal.zh-CN';
import { fieldAppEn } from './field-app.en';
import { fieldAppZhCN } from './field-app.zh-CN';
import { satisfactionEn } from './satisfaction.en';
import { assetsEn } from './assets.en';
import { assetsZhCN } from './assets.zh-CN';
import { satisfactionZhCN } from './satisfaction.zh-CN';
import { inventoryEn } from './inventory.en';
import { inventoryZhCN } from './inventory.zh-CN';
import { maintenanceEn } from './maintenance.en';
import { maintenanceZhCN } from './maintenance.zh-CN';
import { siteEn } from './site.en';
import { siteZhCN } from './site.zh-CN';

// Interface language: zh-CN by default, English second; the choice is kept in localStorage and
// switches i18next, dayjs and (in app.tsx) Ant Design together.
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_KEY = 'gongdan.language';

dayjs.extend(relativeTime);

export function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(LANGUAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as Language) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const dayjsLocale = (lng: Language) => (lng === 'en' ? 'en' : 'zh-cn');

export const i18n = i18next.createInstance();
const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { ...zhCN, intake: intakeZhCN, intel: intelZhCN, imports: importsZhCN, dispatch: dispatchZhCN, dispatchMap: dispatchMapZhCN, dispatchBoard: dispatchBoardZhCN, calendars: calendarsZhCN, sla: slaZhCN, automation: automationZhCN, delivery: deliveryZhCN, assist: assistZhCN, kb: kbZhCN, portalAdmin: portalAdminZhCN, csat: satisfactionZhCN, fieldApp: fieldAppZhCN, assets: assetsZhCN, inv: inventoryZhCN, maintenance: maintenanceZhCN, site: siteZhCN } }, en: { translation: { ...en, intake: intakeEn, intel: intelEn, imports: importsEn, dispatch: dispatchEn, dispatchMap: dispatchMapEn, dispatchBoard: dispatchBoardEn, calendars: calendarsEn, sla: slaEn, automation: automationEn, delivery: deliveryEn, assist: assistEn, kb: kbEn, portalAdmin: portalAdminEn, csat: satisfactionEn, fieldApp: fieldAppEn, assets: assetsEn, inv: inventoryEn, maintenance: maintenanceEn, site: siteEn } } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
dayjs.locale(dayjsLocale(initial));

export function setLanguage(lng: Language) {
  try {
    localStorage.setItem(LANGUAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  dayjs.locale(dayjsLocale(lng));
  document.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';
  void i18n.changeLanguage(lng);
}

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'zh-CN');
