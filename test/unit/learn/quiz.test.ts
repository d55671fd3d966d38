import { describe, expect, it } from 'vitest';
import { quiz as lesson1 } from '../../../content/quizzes/where-does-external-ip-come-from';
import { answerKey, grade, isBlank, quizProblems } from '../../../src/learn/quiz/grade';
import type { QuizDef } from '../../../src/learn/quiz/types';

const t = (s: string) => ({ en: s, ko: s });
const single: QuizDef['questions'][number] = {
  id: 'q1',
  kind: 'single',
  prompt: t('p'),
  explanation: t('e'),
  choices: [
    { id: 'a', text: t('a'), why: t('w'), correct: true },
    { id: 'b', text: t('b'), why: t('w') },
  ],
};
const multiple: QuizDef['questions'][number] = {
  ...single,
  id: 'q2',
  kind: 'multiple',
  choices: [
    { id: 'a', text: t('a'), why: t('w'), correct: true },
    { id: 'b', text: t('b'), why: t('w'), correct: true },
    { id: 'c', text: t('c'), why: t('w') },
  ],
};

describe('grading', () => {
  it('single choice: only the right choice passes', () => {
    const key = answerKey(single);
    expect(grade(key, ['a'])).toBe(true);
    expect(grade(key, ['b'])).toBe(false);
    expect(grade(key, [])).toBe(false);
    expect(grade(key, ['a', 'b'])).toBe(false);
    expect(grade(key, 'a')).toBe(false);
  });

  it('multiple choice: exactly the right set, in any order', () => {
    const key = answerKey(multiple);
    expect(grade(key, ['b', 'a'])).toBe(true);
    expect(grade(key, ['a'])).toBe(false);
    expect(grade(key, ['a', 'b', 'c'])).toBe(false);
    expect(grade(key, ['a', 'c'])).toBe(false);
  });

  it('short answer, exact: trims, collapses spaces, ignores case unless asked', () => {
    const key = answerKey({ id: 's', kind: 'short', prompt: t('p'), explanation: t('e'), wrong: t('w'), accept: ['aksOutboundRule', 'outbound rule'] });
    expect(grade(key, '  aksoutboundrule ')).toBe(true);
    expect(grade(key, 'Outbound   Rule')).toBe(true);
    expect(grade(key, 'aksOutboundRules')).toBe(false);
    expect(grade(key, '')).toBe(false);
    const strict = answerKey({ id: 's', kind: 'short', prompt: t('p'), explanation: t('e'), wrong: t('w'), accept: ['kubernetes'], caseSensitive: true });
    expect(grade(strict, 'kubernetes')).toBe(true);
    expect(grade(strict, 'Kubernetes')).toBe(false);
  });

  it('short answer, pattern: anchored, case option respected', () => {
    const q = { id: 's', kind: 'short' as const, prompt: t('p'), explanation: t('e'), wrong: t('w'), pattern: 'kubernetes-a[0-9a-f]{31}', answer: t('x') };
    const key = answerKey(q);
    expect(grade(key, 'kubernetes-ab94d0a6c3e754b129f8d2c61e7a05b3')).toBe(true);
    expect(grade(key, 'KUBERNETES-AB94D0A6C3E754B129F8D2C61E7A05B3')).toBe(true);
    expect(grade(key, 'x kubernetes-ab94d0a6c3e754b129f8d2c61e7a05b3')).toBe(false);
    expect(grade(key, 'kubernetes-ab94d0a6c3e754b129f8d2c61e7a05b34')).toBe(false);
    expect(grade(answerKey({ ...q, caseSensitive: true }), 'KUBERNETES-AB94D0A6C3E754B129F8D2C61E7A05B3')).toBe(false);
  });

  it('blank responses are not attempts', () => {
    expect(isBlank([])).toBe(true);
    expect(isBlank('   ')).toBe(true);
    expect(isBlank(['a'])).toBe(false);
  });
});

describe('quiz definitions', () => {
  it('the lesson 1 quiz is complete in both languages and has at least three questions', () => {
    expect(quizProblems(lesson1)).toEqual([]);
    expect(lesson1.questions.length).toBeGreaterThanOrEqual(3);
    // Its short answer follows the lesson's own example UID.
    const short = lesson1.questions.find((q) => q.kind === 'short')!;
    expect(grade(answerKey(short), 'kubernetes-ab94d0a6c3e754b129f8d2c61e7a05b3')).toBe(true);
  });

  it('reports missing explanations, wrong counts of right choices, duplicate ids and bad patterns', () => {
    const bad: QuizDef = {
      questions: [
        {
          ...single,
          choices: [
            { id: 'a', text: t('a'), why: { en: 'x', ko: '' } },
            { id: 'b', text: t('b'), why: t('w') },
          ],
        },
        { ...single },
        { id: 'S', kind: 'short', prompt: t('p'), explanation: t('e'), wrong: t('w'), pattern: '(' },
      ],
    };
    const problems = quizProblems(bad).join('\n');
    expect(problems).toMatch(/choice "a" why: missing ko text/);
    expect(problems).toMatch(/exactly one correct choice/);
    expect(problems).toMatch(/duplicate id/);
    expect(problems).toMatch(/bad pattern/);
    expect(problems).toMatch(/lower-case/);
    expect(problems).toMatch(/needs an answer to show/);
  });
});
