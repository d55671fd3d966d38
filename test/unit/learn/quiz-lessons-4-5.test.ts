/** The quizzes of lessons 4 and 5 pass the build-time check, and their short answers grade as the lessons teach. */
import { describe, expect, it } from 'vitest';
import { quiz as lesson4 } from '../../../content/quizzes/many-services-shared-ips';
import { quiz as lesson5 } from '../../../content/quizzes/the-fourth-ip-egress';
import { answerKey, grade, quizProblems } from '../../../src/learn/quiz/grade';

describe('lesson 4 and 5 quizzes', () => {
  it('are complete in both languages with at least three questions', () => {
    for (const quiz of [lesson4, lesson5]) {
      expect(quizProblems(quiz)).toEqual([]);
      expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('grade the short answers', () => {
    const reason = answerKey(lesson4.questions.find((q) => q.id === 'owner-deleted')!);
    expect(grade(reason, 'DeletingFrontendIPConfiguration')).toBe(true);
    expect(grade(reason, ' deletingfrontendipconfiguration ')).toBe(true);
    expect(grade(reason, 'DeletingLoadBalancer')).toBe(false);
    const ports = answerKey(lesson5.questions.find((q) => q.id === 'snat-default')!);
    expect(grade(ports, '1024')).toBe(true);
    expect(grade(ports, '1,024')).toBe(true);
    expect(grade(ports, '64000')).toBe(false);
  });
});
