/** Strategies for kinds other than Service: name rules, required fields, selector checks. */
import { type FieldCause, fieldMsg } from '../errors';
import { matches, selectorFromObject } from '../labels';
import type { KubeStore } from '../store';
import type { KubeObject } from '../types';
import { defaultPod, defaultTemplate } from './pods';

type Spec = Record<string, unknown> & {
  selector?: { matchLabels?: Record<string, string> };
  template?: { metadata?: { labels?: Record<string, string> }; spec?: { containers?: { name?: string; image?: string }[] } };
  replicas?: number;
};

function workload(kind: string) {
  return {
    // SetDefaults_Deployment / _StatefulSet / _DaemonSet / _ReplicaSet of apps/v1, and the pod template.
    defaults(obj: KubeObject) {
      const spec = obj.spec as Spec | undefined;
      if (!spec) return;
      if (kind !== 'Job' && kind !== 'DaemonSet') spec.replicas ??= 1;
      if (kind === 'Deployment') {
        const strategy = (spec.strategy ??= {}) as Record<string, unknown>;
        strategy.type ??= 'RollingUpdate';
        if (strategy.type === 'RollingUpdate') {
          const ru = (strategy.rollingUpdate ??= {}) as Record<string, unknown>;
          ru.maxUnavailable ??= '25%';
          ru.maxSurge ??= '25%';
        }
        spec.revisionHistoryLimit ??= 10;
        spec.progressDeadlineSeconds ??= 600;
      }
      if (kind === 'StatefulSet') {
        spec.podManagementPolicy ??= 'OrderedReady';
        const strategy = (spec.updateStrategy ??= {}) as Record<string, unknown>;
        strategy.type ??= 'RollingUpdate';
        if (strategy.type === 'RollingUpdate') (strategy.rollingUpdate ??= {}) && ((strategy.rollingUpdate as Record<string, unknown>).partition ??= 0);
        spec.revisionHistoryLimit ??= 10;
        spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      }
      if (kind === 'DaemonSet') {
        const strategy = (spec.updateStrategy ??= {}) as Record<string, unknown>;
        strategy.type ??= 'RollingUpdate';
        if (strategy.type === 'RollingUpdate') {
          const ru = (strategy.rollingUpdate ??= {}) as Record<string, unknown>;
          ru.maxUnavailable ??= 1;
          ru.maxSurge ??= 0;
        }
        spec.revisionHistoryLimit ??= 10;
      }
      defaultTemplate(spec);
    },
    validate(obj: KubeObject): FieldCause[] {
      const spec = (obj.spec ?? {}) as Spec;
      const out: FieldCause[] = [];
      // ValidateNonnegativeField, first in the workload spec validation.
      if (kind !== 'Job' && kind !== 'DaemonSet' && typeof spec.replicas === 'number' && spec.replicas < 0) {
        out.push({ field: 'spec.replicas', message: fieldMsg.invalid(spec.replicas, 'must be greater than or equal to 0') });
      }
      if (kind !== 'Job' && !spec.selector) out.push({ field: 'spec.selector', message: fieldMsg.required() });
      const labels = spec.template?.metadata?.labels;
      if (spec.selector && !matches(selectorFromObject(spec.selector), labels)) {
        out.push({
          field: 'spec.template.metadata.labels',
          message: `Invalid value: map[string]string{${Object.entries(labels ?? {})
            .map(([k, v]) => `"${k}":"${v}"`)
            .join(', ')}}: \`selector\` does not match template \`labels\``,
        });
      } else if (!spec.selector && kind !== 'Job' && labels) {
        out.push({
          field: 'spec.template.metadata.labels',
          message: `Invalid value: map[string]string{${Object.entries(labels)
            .map(([k, v]) => `"${k}":"${v}"`)
            .join(', ')}}: \`selector\` does not match template \`labels\``,
        });
      }
      (spec.template?.spec?.containers ?? []).forEach((c, i) => {
        if (!c.name) out.push({ field: `spec.template.spec.containers[${i}].name`, message: fieldMsg.required() });
        if (!c.image) out.push({ field: `spec.template.spec.containers[${i}].image`, message: fieldMsg.required() });
      });
      if (!spec.template?.spec?.containers?.length) out.push({ field: 'spec.template.spec.containers', message: fieldMsg.required() });
      return out;
    },
  };
}

export function registerStrategies(kube: KubeStore): void {
  kube.registerStrategy('Namespace', {
    nameRule: 'dns1123-label',
    defaults: (o) => void ((o.status as object | undefined) ?? (o.status = { phase: 'Active' })),
  });
  kube.registerStrategy('Deployment', workload('Deployment'));
  kube.registerStrategy('StatefulSet', workload('StatefulSet'));
  kube.registerStrategy('ReplicaSet', workload('ReplicaSet'));
  kube.registerStrategy('DaemonSet', workload('DaemonSet'));
  kube.registerStrategy('Job', { defaults: (o) => defaultTemplate(o.spec) });
  kube.registerStrategy('CronJob', { defaults: (o) => defaultTemplate(o.spec) });
  kube.registerStrategy('Pod', { defaults: (o, old) => void (old ? undefined : defaultPod(o.spec)) });
  kube.registerStrategy('PersistentVolumeClaim', {
    defaults(obj) {
      const spec = (obj.spec ?? {}) as Record<string, unknown>;
      spec.storageClassName ??= 'default';
      spec.volumeMode ??= 'Filesystem';
      obj.status ??= { phase: 'Pending' };
    },
  });
}
