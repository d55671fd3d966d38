import { type CollectionEntry, getCollection } from 'astro:content';
import { LOCALES, type Locale } from './locales';

export type LessonEntry = CollectionEntry<'lessons'>;

export interface Lesson {
  entry: LessonEntry;
  locale: Locale;
  /** File name without extension: the same in every locale, and the URL segment. */
  slug: string;
}

function splitId(id: string): { locale: string; slug: string } {
  const [locale = '', ...rest] = id.split('/');
  return { locale, slug: rest.join('/') };
}

/** Lessons of one locale in course order. */
export async function getLessons(locale: Locale): Promise<Lesson[]> {
  const all = await getCollection('lessons');
  return all
    .map((entry) => ({ entry, ...splitId(entry.id) }))
    .filter((l): l is Lesson & { locale: Locale } => l.locale === locale)
    .map(({ entry, slug }) => ({ entry, slug, locale }))
    .sort((a, b) => a.entry.data.order - b.entry.data.order);
}

export function lessonUrl(locale: Locale, slug: string): string {
  return `/${locale}/lessons/${slug}/`;
}

/** Every (locale, slug) pair, for static paths. */
export async function getAllLessons(): Promise<Lesson[]> {
  const lists = await Promise.all(LOCALES.map((l) => getLessons(l)));
  return lists.flat();
}
