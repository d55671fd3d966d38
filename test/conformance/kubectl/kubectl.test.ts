/**
 * The real kubectl as a client of the simulated API server, against the lab's own kubectl on an
 * identical sandbox: every step's stdout, stderr and exit code must be the same. Runs where a
 * kubectl is on PATH; elsewhere the suite is skipped with a loud warning (never fails).
 */
import { describe, expect, it } from 'vitest';
import { KUBECTL_SCENARIOS } from './cases';
import { realKubectlVersion, runScenario } from './harness';

const version = realKubectlVersion();
if (!version) {
  console.warn('\n\x1b[33m!!! test/conformance/kubectl SKIPPED: no kubectl on PATH. The real-kubectl comparison did not run. !!!\x1b[0m\n');
}

describe.runIf(!!version)(`real kubectl ${version ?? ''} against the simulated API server`, () => {
  // Each real kubectl run takes about a second on a small machine.
  it.each(KUBECTL_SCENARIOS.map((s) => [s.name, s] as const))('%s', { timeout: 180_000 }, async (_name, scenario) => {
    const steps = await runScenario(scenario);
    for (const step of steps) {
      expect({ command: step.command, ...step.lab }).toEqual({ command: step.command, ...step.real });
    }
  });
});
