import { describe, expect, it } from 'vitest';
import { exercises, setup } from '../../../content/labs/where-does-external-ip-come-from';
import type { LabSandbox } from '../../../src/lab/types';
import { choiceKey, evaluate, solvedCount } from '../../../src/learn/exercise/engine';
import { egressIps, publicIps } from '../../../src/learn/exercise/predicates';
import type { ExerciseDef, ExerciseState } from '../../../src/learn/exercise/types';
import { createSandbox } from '../../../src/sim/index';

async function lab() {
  const sandbox = createSandbox() as unknown as LabSandbox;
  for (const line of setup) await sandbox.exec(line);
  await sandbox.settle();
  const history: string[] = [];
  const state: ExerciseState = { sandbox, history, answers: {} };
  const run = async (line: string) => {
    history.push(line);
    const r = await sandbox.exec(line);
    await sandbox.settle();
    return r;
  };
  const statusOf = (id: string) => evaluate(exercises, state).find((s) => s.id === id)!;
  return { sandbox, state, run, statusOf };
}

describe('lesson 1 exercises, checked against the simulator', () => {
  it('start open or locked by their needs, with the gap in words', async () => {
    const { statusOf } = await lab();
    const first = statusOf('expose-redis');
    expect(first.state).toBe('open');
    expect(first.state === 'open' && first.gaps[0]!.en).toBe('There is no Service qa/redis-lb yet: apply it first.');
    expect(statusOf('count-public-ips')).toEqual({ id: 'count-public-ips', state: 'locked', missing: ['expose-redis'] });
  });

  it('tick when solved, in order, and the egress answer is checked against the outbound IP', async () => {
    const { state, run, statusOf, sandbox } = await lab();
    await run('kubectl apply -f redis-lb.yaml');
    expect(statusOf('expose-redis').state).toBe('done');
    // Running a command is not an answer: the count and the reason must be given, and right.
    await run('az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o table');
    const count = statusOf('count-public-ips');
    expect(count.state === 'open' && count.gaps.map((g) => g.en)).toEqual(['How many Public IPs are in the node resource group?']);
    state.answers['count-public-ips'] = '1';
    const one = statusOf('count-public-ips');
    expect(one.state === 'open' && one.gaps[0]!.en).toContain('1 is what most people expect');
    state.answers['count-public-ips'] = '2';
    const why = statusOf('count-public-ips');
    expect(why.state === 'open' && why.gaps[0]!.en).toBe('Why that many, with only one Service exposed?');
    state.answers[choiceKey('count-public-ips')] = 'spare';
    const spare = statusOf('count-public-ips');
    expect(spare.state === 'open' && spare.gaps[0]!.en).toContain('Look at the GUID-named one’s tags');
    state.answers[choiceKey('count-public-ips')] = 'service-and-egress';
    expect(statusOf('count-public-ips').state).toBe('done');

    const serviceIp = String((publicIps(sandbox).find((p) => p.tags?.['k8s-azure-service'])!.properties as { ipAddress: string }).ipAddress);
    state.answers['egress-ip'] = serviceIp;
    const wrong = statusOf('egress-ip');
    expect(wrong.state === 'open' && wrong.gaps[0]!.en).toContain('belongs to a Service');
    state.answers['egress-ip'] = egressIps(sandbox)[0]!;
    expect(statusOf('egress-ip').state).toBe('done');
  });

  it('un-tick when a later change breaks a goal', async () => {
    const { run, statusOf, state } = await lab();
    await run('kubectl apply -f redis-lb.yaml');
    state.answers['count-public-ips'] = '2';
    state.answers[choiceKey('count-public-ips')] = 'service-and-egress';
    expect(statusOf('count-public-ips').state).toBe('done');
    await run('kubectl delete svc redis-lb -n qa');
    expect(statusOf('expose-redis').state).toBe('open');
    expect(statusOf('count-public-ips').state).toBe('locked');
  });

  it('the written solutions solve each exercise', async () => {
    const { state, run, statusOf } = await lab();
    for (const ex of exercises) {
      let last = '';
      for (const line of ex.solution) last = (await run(line)).stdout;
      if (ex.answer) state.answers[ex.id] = last.trim();
      if (ex.choice) state.answers[choiceKey(ex.id)] = ex.choice.correct;
      expect(statusOf(ex.id).state, ex.id).toBe('done');
    }
  });
});

describe('choice questions in an exercise', () => {
  const base = { title: { en: 't', ko: 't' }, task: { en: 't', ko: 't' }, hints: [], solution: [] };
  const choice: ExerciseDef['choice'] = {
    prompt: { en: 'Why?', ko: '왜?' },
    correct: 'right',
    options: [
      { id: 'right', text: { en: 'Because', ko: '그래서' } },
      { id: 'wrong', text: { en: 'No', ko: '아니' }, why: { en: 'Not that.', ko: '그게 아닙니다.' } },
      { id: 'silent', text: { en: 'Hm', ko: '흠' } },
    ],
  };
  const state = (answers: Record<string, string>, goalOk = true): ExerciseState =>
    ({ sandbox: {} as LabSandbox, history: [], answers, goalOk }) as unknown as ExerciseState;
  const exercises: ExerciseDef[] = [
    { ...base, id: 'q', goals: [(s) => ({ ok: (s as unknown as { goalOk: boolean }).goalOk, gap: { en: 'Goal first.', ko: '목표 먼저.' } })], choice },
    { ...base, id: 'typed-then-choice', goals: [], answer: { prompt: { en: 'Type it.', ko: '입력.' }, check: (_s, a) => ({ ok: a === '2' }) }, choice },
  ];

  it('asks the question once the goals hold, and not before', () => {
    expect(evaluate(exercises, state({}, false))[0]).toEqual({ id: 'q', state: 'open', gaps: [{ en: 'Goal first.', ko: '목표 먼저.' }] });
    expect(evaluate(exercises, state({}))[0]).toEqual({ id: 'q', state: 'open', gaps: [{ en: 'Why?', ko: '왜?' }] });
  });

  it('a wrong option says why; one without a reason gets a general gap; the right one is done', () => {
    expect(evaluate(exercises, state({ [choiceKey('q')]: 'wrong' }))[0]).toEqual({ id: 'q', state: 'open', gaps: [{ en: 'Not that.', ko: '그게 아닙니다.' }] });
    const silent = evaluate(exercises, state({ [choiceKey('q')]: 'silent' }))[0]!;
    expect(silent.state === 'open' && silent.gaps[0]!.en).toBe('That is not the reason: try another option.');
    expect(evaluate(exercises, state({ [choiceKey('q')]: 'right' }))[0]).toEqual({ id: 'q', state: 'done' });
  });

  it('the picked option is kept apart from the typed answer, and both must be right', () => {
    expect(choiceKey('typed-then-choice')).not.toBe('typed-then-choice');
    const onlyChoice = evaluate(exercises, state({ [choiceKey('typed-then-choice')]: 'right' }))[1]!;
    expect(onlyChoice.state === 'open' && onlyChoice.gaps[0]!.en).toBe('Type it.');
    const wrongTyped = evaluate(exercises, state({ 'typed-then-choice': '3', [choiceKey('typed-then-choice')]: 'right' }))[1]!;
    expect(wrongTyped.state === 'open' && wrongTyped.gaps[0]!.en).toBe('That answer is not right yet.');
    expect(evaluate(exercises, state({ 'typed-then-choice': '2', [choiceKey('typed-then-choice')]: 'right' }))[1]!.state).toBe('done');
  });

  it('the choice survives a goal that breaks later: the exercise re-opens on the goal, not on the answer', () => {
    const answers = { [choiceKey('q')]: 'right' };
    expect(evaluate(exercises, state(answers))[0]!.state).toBe('done');
    expect(evaluate(exercises, state(answers, false))[0]).toEqual({ id: 'q', state: 'open', gaps: [{ en: 'Goal first.', ko: '목표 먼저.' }] });
  });
});

describe('exercises solved before (progress)', () => {
  it('unlock the exercises after them and still count, while the live check says what is missing now', async () => {
    const { state } = await lab();
    const statuses = evaluate(exercises, state, new Set(['expose-redis']));
    expect(statuses[0]).toMatchObject({ id: 'expose-redis', state: 'open', solvedBefore: true });
    expect(statuses[1]!.state).toBe('open');
    expect(solvedCount(statuses)).toBe(1);
    expect(solvedCount(evaluate(exercises, state))).toBe(0);
  });
});
