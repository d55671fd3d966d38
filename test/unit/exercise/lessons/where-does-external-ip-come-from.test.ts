/**
 * Lesson 1's exercises against the simulator: the written solutions solve them, "Count the Public
 * IPs" wants the number and the reason (not a command run), and the node-port answer is read from
 * the live Service. The quiz passes the build-time check.
 */
import { describe, expect, it } from 'vitest';
import * as lab from '../../../../content/labs/where-does-external-ip-come-from';
import { quiz } from '../../../../content/quizzes/where-does-external-ip-come-from';
import { choiceKey } from '../../../../src/learn/exercise/engine';
import { quizProblems } from '../../../../src/learn/quiz/grade';
import { itSolvesWithTheWrittenSolutions, startLab } from '../../../support/lesson-lab';

const { exercises } = lab;
const start = () => startLab(lab, { strictSolve: true });

describe('lesson 1 exercises (where-does-external-ip-come-from)', () => {
  itSolvesWithTheWrittenSolutions(exercises, start);

  it('count-public-ips: a typed count that is not the live one is refused, and so is the right count with the wrong reason', async () => {
    const { state, run, gaps, statusOf } = await start();
    await run('kubectl apply -f redis-lb.yaml');
    await run('az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o table');
    expect(gaps('count-public-ips')).toEqual(['How many Public IPs are in the node resource group?']);
    state.answers['count-public-ips'] = 'two';
    expect(gaps('count-public-ips')[0]).toContain('Type a number');
    state.answers['count-public-ips'] = '3';
    expect(gaps('count-public-ips')[0]).toBe('3 is not what the node resource group holds now: list its Public IPs and count again.');
    state.answers['count-public-ips'] = '2';
    state.answers[choiceKey('count-public-ips')] = 'in-and-out';
    expect(gaps('count-public-ips')[0]).toContain('Only one of the two carries k8s-azure-service: qa/redis-lb');
    state.answers[choiceKey('count-public-ips')] = 'service-and-egress';
    expect(statusOf('count-public-ips').state).toBe('done');
  });

  it('count-public-ips re-opens when the lab no longer holds two Public IPs (a second Service makes three)', async () => {
    const { state, run, gaps } = await start();
    await run('kubectl apply -f redis-lb.yaml');
    state.answers['count-public-ips'] = '2';
    state.answers[choiceKey('count-public-ips')] = 'service-and-egress';
    await run('kubectl expose deployment redis --name=redis-lb2 --type=LoadBalancer --port=6380 --target-port=6379 -n qa');
    expect(gaps('count-public-ips')[0]).toBe('3 Public IPs found in the node resource group, 2 expected: one too many is still there.');
  });

  it('service-layers: the node port is read from the Service; the Service port is explained as the wrong number', async () => {
    const { state, run, gaps, statusOf, sandbox } = await start();
    await run('kubectl apply -f redis-lb.yaml');
    state.answers['service-layers'] = '6379';
    expect(gaps('service-layers')[0]).toContain('6379 is the Service port');
    const nodePort = (await sandbox.exec("kubectl get service redis-lb -n qa -o jsonpath='{.spec.ports[0].nodePort}'")).stdout;
    state.answers['service-layers'] = nodePort;
    expect(statusOf('service-layers').state).toBe('done');
  });

  it('the quiz is complete', () => {
    expect(quizProblems(quiz)).toEqual([]);
  });
});
