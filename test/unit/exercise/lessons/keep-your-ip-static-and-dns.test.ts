/** Lesson 8's exercises, headless: not done at the start, each solved by its written solution in order. */
import { describe, expect, it } from 'vitest';
import { exercises, setup } from '../../../../content/labs/keep-your-ip-static-and-dns';
import { quiz } from '../../../../content/quizzes/keep-your-ip-static-and-dns';
import { answerKey, grade, quizProblems } from '../../../../src/learn/quiz/grade';
import { startLab } from '../../../support/lesson-lab';

const lab = () => startLab({ setup, exercises }, { strictSetup: true });

describe('lesson 8 exercises (keep-your-ip-static-and-dns)', () => {
  it('none is done at the start; the first is open and says what is missing', async () => {
    const { statusOf } = await lab();
    const first = statusOf('blog-static-ip');
    expect(first.state).toBe('open');
    expect(first.state === 'open' && first.gaps[0]!.en).toContain('There is no Public IP blogPublicIP in myNetworkRG');
    expect(statusOf('blog-dns-name').state).toBe('locked');
    expect(statusOf('blog-same-ip').state).toBe('locked');
  });

  it('explains the 403 while the role is missing', async () => {
    const { run, statusOf } = await lab();
    await run(exercises[0]!.solution[0]!);
    await run('kubectl apply -f blog-lb.yaml');
    const s = statusOf('blog-static-ip');
    expect(s.state === 'open' && s.gaps[0]!.en).toContain('403 AuthorizationFailed');
  });

  it('each written solution solves its exercise, in order, and not before', async () => {
    const { run, statusOf } = await lab();
    for (const ex of exercises) {
      expect(statusOf(ex.id).state, `${ex.id} before`).not.toBe('done');
      for (const line of ex.solution) {
        const r = await run(line);
        expect(r.exitCode, line).toBe(0);
      }
      expect(statusOf(ex.id).state, ex.id).toBe('done');
    }
  });
});

describe('lesson 8 quiz', () => {
  it('is complete and its short answer accepts the FQDN with or without a scheme', () => {
    expect(quizProblems(quiz)).toEqual([]);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
    const key = answerKey(quiz.questions.find((q) => q.id === 'fqdn')!);
    expect(grade(key, 'shop-demo-7f3a.eastus.cloudapp.azure.com')).toBe(true);
    expect(grade(key, 'http://Shop-Demo-7f3a.eastus.cloudapp.azure.com/')).toBe(true);
    expect(grade(key, 'shop-demo-7f3a.cloudapp.azure.com')).toBe(false);
  });
});
