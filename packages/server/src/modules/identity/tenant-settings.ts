import { fieldsInvalid, type FieldIssue } from '../../platform/errors';
import type { TenantSettings } from './tenant-repository';

// A tenant's settings for its console and portal: time zone, languages and logo. Stored as given
// (canonicalised), answered with the defaults filled in.
export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_SETTINGS = { timeZone: 'Asia/Shanghai', languages: [...LANGUAGES] as Language[], defaultLanguage: 'zh-CN' as Language, logoUrl: null as string | null };
export type EffectiveSettings = typeof DEFAULT_SETTINGS;

const IANA = /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)*$/;

/** The canonical IANA name of a time zone (Asia/Chongqing → Asia/Shanghai, utc → UTC), or null. */
export function canonicalTimeZone(tz: string): string | null {
  if (!IANA.test(tz)) return null;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
    return IANA.test(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

export function effectiveSettings(s: TenantSettings): EffectiveSettings {
  return {
    timeZone: s.timeZone ?? DEFAULT_SETTINGS.timeZone,
    languages: (s.languages as Language[] | undefined) ?? DEFAULT_SETTINGS.languages,
    defaultLanguage: (s.defaultLanguage as Language | undefined) ?? DEFAULT_SETTINGS.defaultLanguage,
    logoUrl: s.logoUrl ?? null,
  };
}

export interface SettingsPatch {
  timeZone?: string;
  languages?: Language[];
  defaultLanguage?: Language;
  /** null removes the logo */
  logoUrl?: string | null;
}

/** The stored settings after a change; every problem is reported at once, by field. */
export function applySettingsPatch(current: TenantSettings, patch: SettingsPatch): TenantSettings {
  const issues: FieldIssue[] = [];
  const next: TenantSettings = { ...current };
  if (patch.timeZone !== undefined) {
    const tz = canonicalTimeZone(patch.timeZone);
    if (tz) next.timeZone = tz;
    else issues.push({ field: 'settings.timeZone', code: 'invalid_time_zone', message: `"${patch.timeZone}" is not an IANA time zone (e.g. Asia/Shanghai)` });
  }
  if (patch.languages !== undefined) next.languages = LANGUAGES.filter((l) => patch.languages!.includes(l));
  if (patch.defaultLanguage !== undefined) next.defaultLanguage = patch.defaultLanguage;
  if (patch.logoUrl === null) delete next.logoUrl;
  else if (patch.logoUrl !== undefined) next.logoUrl = patch.logoUrl;
  const eff = effectiveSettings(next);
  if (!eff.languages.includes(eff.defaultLanguage))
    issues.push({ field: 'settings.defaultLanguage', code: 'not_offered', message: `The default language ${eff.defaultLanguage} must be one of the languages offered (${eff.languages.join(', ')})` });
  if (issues.length) throw fieldsInvalid(issues);
  return next;
}
