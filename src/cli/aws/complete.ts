/** Tab completion for `aws` (loaded on the first Tab after `aws `): services, operations, parameters. */
import { EC2_OPERATIONS, ELB_OPERATIONS, ELBV2_OPERATIONS, SERVICES } from './choices';
import { OPERATIONS } from './operations';

const OPS: Record<string, string[]> = { elbv2: ELBV2_OPERATIONS, elb: ELB_OPERATIONS, ec2: EC2_OPERATIONS };
const GLOBALS = ['--output', '--query', '--region', '--profile', '--debug', '--no-paginate', '--no-cli-pager'];

export function complete(args: string[], partial: string): string[] {
  const words = args.filter((a) => !a.startsWith('-'));
  const prev = args[args.length - 1];
  const pick = (list: string[]) => [...new Set(list)].filter((x) => x.startsWith(partial)).sort();
  if (prev === '--output') return pick(['json', 'text', 'table', 'yaml', 'yaml-stream']);
  if (partial.startsWith('-')) return pick([...Object.keys(OPERATIONS[words[0]]?.[words[1]]?.params ?? {}), ...GLOBALS]);
  if (words.length === 0) return pick(SERVICES);
  if (words.length === 1) return pick(OPS[words[0]] ?? []);
  return [];
}
