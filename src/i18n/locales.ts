export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The other language, for the language switch (two locales today). */
export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'ko' : 'en';
}

/** Names of each language written in that language, as a switch should show them. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };
