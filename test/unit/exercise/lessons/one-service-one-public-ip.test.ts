/**
 * Lesson 3's exercises against the simulator: each written solution solves its exercise from the
 * lab's starting state (setup only), none is solved before, and the typed-answer checks explain
 * the likely wrong answers. The quiz passes the build-time check.
 */
import { describe, expect, it } from 'vitest';
import * as lab from '../../../../content/labs/one-service-one-public-ip';
import { quiz } from '../../../../content/quizzes/one-service-one-public-ip';
import { choiceKey } from '../../../../src/learn/exercise/engine';
import { quizProblems } from '../../../../src/learn/quiz/grade';
import { exerciseById, itSolvesWithTheWrittenSolutions, solve, startLab } from '../../../support/lesson-lab';

const { exercises } = lab;

const start = () => startLab(lab);

describe('lesson 3 exercises (one-service-one-public-ip)', () => {
  it('none is done in the fresh lab, and the later ones wait for the first', async () => {
    const { statusOf } = await start();
    for (const ex of exercises) expect(statusOf(ex.id).state, ex.id).not.toBe('done');
    const first = statusOf('expose-api');
    expect(first.state === 'open' && first.gaps[0]!.en).toBe('There is no Service shop/api yet.');
    expect(statusOf('name-the-pip')).toEqual({ id: 'name-the-pip', state: 'locked', missing: ['expose-api'] });
    expect(statusOf('find-nsg-rule')).toEqual({ id: 'find-nsg-rule', state: 'locked', missing: ['expose-api'] });
  });

  itSolvesWithTheWrittenSolutions(exercises, start);

  it('expose-api: the rule must be for port 8080, and looked at with az', async () => {
    const { run, statusOf } = await start();
    await run('kubectl expose deployment api --type=LoadBalancer --port=80 --namespace shop');
    let s = statusOf('expose-api');
    expect(s.state === 'open' && s.gaps[0]!.en).toBe('shop/api has no port 8080: expose it with --port=8080.');
    await run('kubectl delete service api -n shop');
    await run('kubectl expose deployment api --type=LoadBalancer --port=8080 --target-port=80 --namespace shop');
    s = statusOf('expose-api');
    expect(s.state === 'open' && s.gaps[0]!.en).toBe('Run az network lb rule list (or probe list) in the terminal.');
  });

  it('typed answers: the right names pass, likely mistakes are explained', async () => {
    const { sandbox, state, run, statusOf } = await start();
    await run('kubectl expose deployment web --type=LoadBalancer --port=80 --namespace shop');
    await solve(run, state, exercises[0]!);
    const pip = lab.publicIpNameOf(sandbox, 'shop', 'api')!;
    expect(pip).toMatch(/^kubernetes-a[0-9a-f]{31}$/);
    state.answers['name-the-pip'] = pip.slice('kubernetes-'.length);
    let s = statusOf('name-the-pip');
    expect(s.state === 'open' && s.gaps[0]!.en).toContain('is the frontend’s name');
    state.answers['name-the-pip'] = lab.publicIpNameOf(sandbox, 'shop', 'web')!;
    s = statusOf('name-the-pip');
    expect(s.state === 'open' && s.gaps[0]!.en).toContain('belongs to shop/web');
    state.answers['name-the-pip'] = pip;
    expect(statusOf('name-the-pip').state).toBe('done');

    const webRule = lab.nsgRulesFor(sandbox, 'shop', 'web', 80)[0]!;
    expect(webRule).toBe('k8s-azure-lb_allow_IPv4_d39272f7f57ed937951650d93992ad77');
    state.answers['find-nsg-rule'] = webRule;
    s = statusOf('find-nsg-rule');
    expect(s.state === 'open' && s.gaps[0]!.en).toContain('allows port 80 to shop/web');
    state.answers['find-nsg-rule'] = lab.nsgRulesFor(sandbox, 'shop', 'api', 8080)[0]!;
    expect(statusOf('find-nsg-rule').state).toBe('done');
  });

  it('who-wrote-nsg: the caller is read from the activity log and must be the cluster identity; AKS and the learner are explained', async () => {
    const { state, run, gaps, statusOf } = await start();
    await solve(run, state, exerciseById(exercises, 'expose-api'));
    const principal = (await run('az aks show -g myResourceGroup -n myAKSCluster --query identity.principalId -o tsv')).stdout.trim();
    expect(principal).toMatch(/^[0-9a-f-]{36}$/);
    expect(gaps('who-wrote-nsg')).toEqual(['Type the caller of the NSG write.']);
    state.answers['who-wrote-nsg'] = 'AzureContainerService';
    expect(gaps('who-wrote-nsg')[0]).toContain('AzureContainerService is AKS itself');
    state.answers['who-wrote-nsg'] = 'azureuser@contoso.com';
    expect(gaps('who-wrote-nsg')[0]).toContain('is a user account');
    state.answers['who-wrote-nsg'] = principal;
    expect(gaps('who-wrote-nsg')).toEqual(['Whose identity is that caller?']);
    state.answers[choiceKey('who-wrote-nsg')] = 'kubelet';
    expect(gaps('who-wrote-nsg')[0]).toContain('kubelet identity pulls images');
    state.answers[choiceKey('who-wrote-nsg')] = 'cluster-identity';
    expect(statusOf('who-wrote-nsg').state).toBe('done');
  });

  it('the quiz is complete', () => {
    expect(quizProblems(quiz)).toEqual([]);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
  });
});
