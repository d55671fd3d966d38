/**
 * The whole course through the browser: each lesson's first exercise solved by typing its solution
 * into the lab's terminal (every lesson in English, one in Korean), and site search finding every
 * lesson by one of its own key terms in both languages.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseDef } from '../../src/learn/exercise/types';
import { launch, openPage } from './browser';
import { runInTerminal, startLab } from './lab-helpers';

interface Lesson {
  slug: string;
  order: number;
  lab: string | null;
  keywords: Record<'en' | 'ko', string[]>;
  title: Record<'en' | 'ko', string>;
}

function frontmatter(file: string): { order: number; title: string; keywords: string[] } {
  const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!;
  const keywords: string[] = [];
  const list = /^keywords:\n((?:\s+-.*\n?)+)/m.exec(front)?.[1] ?? '';
  for (const m of list.matchAll(/^\s+-\s+(.+)$/gm)) keywords.push(m[1]!.replace(/^['"]|['"]$/g, '').trim());
  return {
    order: Number(/^order:\s*(\d+)/m.exec(front)![1]),
    title: /^title:\s*(.+)$/m.exec(front)![1]!.replace(/^['"]|['"]$/g, ''),
    keywords,
  };
}

const lessons: Lesson[] = readdirSync('content/lessons/en')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const slug = f.replace(/\.mdx$/, '');
    const en = frontmatter(join('content/lessons/en', f));
    const ko = frontmatter(join('content/lessons/ko', f));
    const lab = /<Lab\s[^>]*\bexercises="([^"]+)"/s.exec(readFileSync(join('content/lessons/en', f), 'utf8'))?.[1] ?? null;
    return { slug, order: en.order, lab, keywords: { en: en.keywords, ko: ko.keywords }, title: { en: en.title, ko: ko.title } };
  })
  .sort((a, b) => a.order - b.order);

async function firstExercise(lab: string): Promise<ExerciseDef> {
  const mod = (await import(`../../content/labs/${lab}.ts`)) as { exercises: ExerciseDef[] };
  return mod.exercises[0]!;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const START = { en: 'Start lab', ko: '실습 시작' } as const;
const SKIP = { en: 'Skip waits', ko: '대기 건너뛰기' } as const;
const EXERCISES = { en: 'Exercises', ko: '연습 문제' } as const;

async function solveFirstExercise(lang: 'en' | 'ko', lesson: Lesson): Promise<void> {
  const exercise = await firstExercise(lesson.lab!);
  expect(exercise.answer, `${lesson.slug}: the first exercise must be solvable with commands`).toBeUndefined();
  const { page, context, errors } = await openPage(browser, `/${lang}/lessons/${lesson.slug}/`, { viewport: { width: 1440, height: 900 } });
  await startLab(page, START[lang]);
  await page.getByRole('radio', { name: SKIP[lang] }).check();
  await page.getByRole('tab', { name: EXERCISES[lang] }).click();
  const item = page.getByRole('region', { name: EXERCISES[lang] }).locator('li.exercise').first();
  expect(await item.getAttribute('class')).not.toContain('exercise-done');
  for (const command of exercise.solution) await runInTerminal(page, command);
  await expect.poll(() => item.getAttribute('class'), { timeout: 15_000, message: `${lang}/${lesson.slug}: ${exercise.id}` }).toContain('exercise-done');
  // The card in the lesson text mirrors the lab's check.
  await expect.poll(() => page.locator(`.exercise-card[data-exercise="${exercise.id}"]`).getAttribute('data-state')).toBe('done');
  expect(errors).toEqual([]);
  await context.close();
}

describe('every lesson’s first exercise can be solved in the lab', () => {
  const labLessons = lessons.filter((l) => l.lab);
  it('the course has ten lessons and a challenge, each with a lab', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(11);
    expect(labLessons.length).toBe(lessons.length);
  });

  for (const lesson of labLessons) {
    it(`en: ${lesson.slug}`, () => solveFirstExercise('en', lesson), 90_000);
  }
  // One in Korean: the last lesson, whose set-up is the richest.
  const korean = labLessons[labLessons.length - 1];
  if (korean) it(`ko: ${korean.slug}`, () => solveFirstExercise('ko', korean), 90_000);
});

/** A key term of this lesson that no other lesson lists, so finding the lesson proves the index has it. */
function ownTerm(lesson: Lesson, lang: 'en' | 'ko'): string {
  const others = new Set(lessons.filter((l) => l !== lesson).flatMap((l) => l.keywords[lang].map((k) => k.toLowerCase())));
  return lesson.keywords[lang].find((k) => !others.has(k.toLowerCase())) ?? lesson.title[lang];
}

describe('search finds every lesson by its key terms', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: each lesson`, async () => {
      const { page, context, errors } = await openPage(browser, `/${lang}/`);
      await page.locator('.search-open').click();
      const input = page.getByRole('searchbox');
      for (const lesson of lessons) {
        const term = ownTerm(lesson, lang);
        await input.fill(term);
        await page
          .locator(`.search-results a[href="/${lang}/lessons/${lesson.slug}/"]`)
          .first()
          .waitFor({ timeout: 10_000 })
          .catch(() => {
            throw new Error(`searching "${term}" on /${lang}/ does not find ${lesson.slug}`);
          });
      }
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
