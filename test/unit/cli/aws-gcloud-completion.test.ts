/** Tab completion knows aws (EKS sandboxes) and gcloud (GKE sandboxes); their data loads on the first Tab. */
import { describe, expect, it, vi } from 'vitest';
import type { CliContext } from '../../../src/cli/context';
import { completions } from '../../../src/cli/index';

const ctxOf = (name: string) => ({ cloud: { name } }) as unknown as CliContext;

/** The first Tab after `aws ` starts loading the completer; a later Tab answers. */
async function settled(line: string, ctx?: CliContext): Promise<string[]> {
  completions(line, ctx);
  return vi.waitFor(
    () => {
      const c = completions(line, ctx);
      if (!c.length) throw new Error('not loaded yet');
      return c;
    },
    { timeout: 20_000 },
  );
}

describe('aws / gcloud completion', () => {
  it('offers the cloud CLI as a command only in its own cloud', () => {
    expect(completions('aw', ctxOf('eks'))).toEqual(['aws']);
    expect(completions('gc', ctxOf('gke'))).toEqual(['gcloud']);
    expect(completions('aw')).toEqual([]);
    expect(completions('gc', ctxOf('eks'))).toEqual([]);
  });

  it('aws services, operations and parameters', { timeout: 30_000 }, async () => {
    expect(await settled('aws elb')).toEqual(['elb', 'elbv2']);
    expect(completions('aws elbv2 describe-load-b')).toEqual(['describe-load-balancer-attributes', 'describe-load-balancers']);
    expect(completions('aws elbv2 describe-load-balancers --n')).toEqual(['--names', '--no-cli-pager', '--no-paginate']);
    expect(completions('aws ec2 describe-security-groups --output t')).toEqual(['table', 'text']);
  });

  it('gcloud groups, commands and flags', { timeout: 30_000 }, async () => {
    expect(await settled('gcloud compute fo')).toEqual(['forwarding-rules']);
    expect(completions('gcloud compute forwarding-rules ')).toEqual(['create', 'delete', 'describe', 'list', 'set-target', 'update']);
    expect(completions('gcloud compute forwarding-rules list --f')).toEqual(['--filter', '--format']);
    expect(completions('gcloud compute firewall-rules describe --re')).toEqual([]);
  });
});
