/**
 * `kubectl run` with a command (issue #4): `kubectl run tmp --image=curlimages/curl --rm -it
 * --restart=Never -- curl -s ifconfig.me` creates the pod, runs the command attached, prints its
 * output, then deletes the pod (`pod "tmp" deleted`). Without a command, or detached, it is the
 * plain `kubectl run` of workloads.ts.
 */

import { type KubectlCommand, KubectlError } from './common';
import { execInPod } from './exec';
import { str } from './flags';
import { runCommand as basicRun, containerCommand } from './workloads';

export const runCommand: KubectlCommand = {
  ...basicRun,
  async run(k) {
    const [name, ...cmd] = k.args;
    const attach = k.flags.values.get('rm') === true || k.flags.values.get('stdin') === true || k.flags.values.get('tty') === true;
    if (!cmd.length || !attach || !name) return basicRun.run!(k);
    const image = str(k.flags, 'image');
    if (!image) throw new KubectlError('required flag(s) "image" not set');
    // kubectl refuses --rm without attaching, and --restart=Always with --rm makes no sense to it.
    if (k.flags.values.get('rm') === true && !(k.flags.values.get('stdin') === true || k.flags.values.get('tty') === true))
      throw new KubectlError('--rm should only be used for attached containers');
    const nodes = k.ctx.kube.select('Node').map((n) => n.metadata.name);
    const pod = k.ctx.kube.create(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, labels: { run: name } },
        spec: {
          containers: [
            {
              name,
              image,
              ...containerCommand(k.flags.values.get('command') === true, cmd),
              stdin: true,
              tty: k.flags.values.get('tty') === true,
              resources: {},
            },
          ],
          restartPolicy: str(k.flags, 'restart'),
          nodeName: nodes[0],
        },
      },
      { namespace: k.namespace },
    );
    const r = await execInPod(k.ctx, pod, cmd);
    // The attached session ends with the container; kubectl's own line is not printed for the
    // container's exit code, only the pod deletion.
    let tail = '';
    if (k.flags.values.get('rm') === true) {
      k.ctx.kube.delete('Pod', name, k.namespace);
      // Same printer as `kubectl delete` (run.go calls DeleteOptions.DeleteResult): v1.33 names the namespace.
      tail = `pod "${name}" deleted\n`;
    }
    return { stdout: r.stdout + tail, stderr: r.stderr.replace(/command terminated with exit code \d+\n$/, ''), exitCode: r.exitCode };
  },
};
