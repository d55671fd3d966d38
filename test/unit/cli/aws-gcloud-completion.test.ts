/** Tab completion knows aws (EKS sandboxes) and gcloud (GKE sandboxes); their data loads on the first Tab. */
import { describe, expect, it, vi } from 'vitest';
import { completions } from '../../../src/cli/index';

/** The first Tab after `aws ` starts loading the completer; a later Tab answers. */
async function settled(line: string): Promise<string[]> {
  completions(line);
  return vi.waitFor(
    () => {
      const c = completions(line);
      if (!c.length) throw new Error('not loaded yet');
      return c;
    },
    { timeout: 20_000 },
  );
}

describe('aws / gcloud completion', () => {
  it('offers aws and gcloud as commands (installed in every sandbox, as the no-credentials answers imply)', () => {
    expect(completions('aw')).toEqual(['aws']);
    expect(completions('gc')).toEqual(['gcloud']);
    expect(completions('a')).toEqual(['alias', 'aws', 'az']);
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
