import { kubeJson, kubeYaml, withoutManagedFields } from '../printers/kube-output';
import { KubectlError } from './common';

const FORMATS = ['json', 'name', 'yaml'];

/** kubectl picks its printer before it writes anything: an unknown `-o` fails first. */
export function checkOutputFormat(out: string): void {
  if (out && !FORMATS.includes(out))
    throw new KubectlError(`unable to match a printer suitable for the output format "${out}", allowed formats are: ${FORMATS.join(',')}`);
}

/**
 * `-o` on a command that writes objects (create, expose, patch): the object as the server returned
 * it, or its `kind/name`; `undefined` when no `-o` was given (the command prints its own
 * "created" / "patched" line). Several objects print as kubectl's YAML printer does, `---` between.
 */
export function printWritten(out: string, objects: { object: unknown; name: string }[]): string | undefined {
  checkOutputFormat(out);
  if (!out) return undefined;
  if (out === 'yaml') return objects.map((o) => kubeYaml(withoutManagedFields(o.object))).join('---\n');
  if (out === 'json') return objects.map((o) => kubeJson(withoutManagedFields(o.object))).join('');
  return objects.map((o) => `${o.name}\n`).join('');
}
