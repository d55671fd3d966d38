/** Shared helpers for the simulator tests: drive the sandbox as a learner does (exec), read ARM state. */
import { expect } from 'vitest';
import type { ArmResource } from '../../../src/sim/azure/types';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sim/index';

export const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';
export const P = 'service.beta.kubernetes.io/';

export interface Child {
  id: string;
  name: string;
  properties: Record<string, unknown>;
}

export function sandbox(options: SandboxOptions = {}): Sandbox {
  return createSandbox(options);
}

/** A Service manifest as YAML (what a learner pastes into `kubectl apply -f -`). */
export function serviceYaml(
  name: string,
  opts: { annotations?: Record<string, string>; spec?: string; ports?: string; namespace?: string; type?: string } = {},
): string {
  const ann =
    opts.annotations && Object.keys(opts.annotations).length
      ? '  annotations:\n' +
        Object.entries(opts.annotations)
          .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}\n`)
          .join('')
      : '';
  const ns = opts.namespace ? `  namespace: ${opts.namespace}\n` : '';
  const ports = opts.ports ?? '  - port: 80\n';
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${ns}${ann}spec:\n  type: ${opts.type ?? 'LoadBalancer'}\n  selector:\n    app: ${name}\n  ports:\n${ports}${opts.spec ?? ''}`;
}

/** Runs a command and expects exit code 0; returns stdout. */
export async function ok(sb: Sandbox, line: string, stdin?: string): Promise<string> {
  const r = await sb.exec(line, stdin === undefined ? {} : { stdin });
  expect(r.stderr + `[exit ${r.exitCode}]`).toBe('[exit 0]');
  return r.stdout;
}

export async function applyYaml(sb: Sandbox, yaml: string): Promise<string> {
  return ok(sb, 'kubectl apply -f -', yaml);
}

/** The Service's UID read back the way a learner would (`-o jsonpath`). */
export async function uidOf(sb: Sandbox, name: string, ns = 'default'): Promise<string> {
  return ok(sb, `kubectl get svc ${name} -n ${ns} -o jsonpath={.metadata.uid}`);
}

/** `a` + first 31 hex digits of the UID (cloudprovider.DefaultLoadBalancerName). */
export async function baseOf(sb: Sandbox, name: string, ns = 'default'): Promise<string> {
  return ('a' + (await uidOf(sb, name, ns)).replace(/-/g, '')).slice(0, 32);
}

export async function externalIp(sb: Sandbox, name: string, ns = 'default'): Promise<string> {
  return ok(sb, `kubectl get svc ${name} -n ${ns} -o jsonpath={.status.loadBalancer.ingress[0].ip}`);
}

/** `az … -o json` parsed. */
export async function azJson<T = unknown>(sb: Sandbox, line: string): Promise<T> {
  return JSON.parse(await ok(sb, `${line} -o json`)) as T;
}

export function lb(sb: Sandbox, name = 'kubernetes'): ArmResource | undefined {
  return sb.arm.list({ type: 'Microsoft.Network/loadBalancers' }).find((r) => r.name === name);
}

export function children(res: ArmResource | undefined, key: string): Child[] {
  return ((res?.properties[key] as Child[] | undefined) ?? []) as Child[];
}

export function names(res: ArmResource | undefined, key: string): string[] {
  return children(res, key).map((c) => c.name);
}

export function pips(sb: Sandbox, rg?: string): ArmResource[] {
  return sb.arm.list({ type: 'Microsoft.Network/publicIPAddresses', ...(rg ? { resourceGroup: rg } : {}) });
}

export function nsgRules(sb: Sandbox): Child[] {
  return children(sb.arm.list({ type: 'Microsoft.Network/networkSecurityGroups' })[0], 'securityRules');
}

/** `Reason: message` of every Event about a Service, oldest first. */
export function eventsOf(sb: Sandbox, name: string, ns = 'default'): string[] {
  const svc = sb.kube.tryGet('Service', name, ns);
  if (!svc) return [];
  return sb.events.eventsFor(svc).map((e) => `${e.reason}: ${e.message}`);
}

/** Every Event with this reason (any object), e.g. after the Service is gone. */
export function eventsWithReason(sb: Sandbox, reason: string): string[] {
  return sb.kube
    .list('Event')
    .filter((e) => (e as unknown as { reason: string }).reason === reason)
    .map((e) => (e as unknown as { message: string }).message);
}

/**
 * A Service's (or another object's) events as `kubectl get events` prints them, one
 * [type, reason, source component, message] row each: what the other clouds' tests compare.
 */
export async function eventRows(sb: Sandbox, name = 'web', kind?: string): Promise<string[][]> {
  const selector = `involvedObject.name=${name}${kind ? `,involvedObject.kind=${kind}` : ''}`;
  const out = await ok(
    sb,
    `kubectl get events --field-selector ${selector} -o custom-columns=T:.type,REASON:.reason,FROM:.source.component,MESSAGE:.message --no-headers`,
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(/\s{2,}/));
}
