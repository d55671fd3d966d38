/**
 * apiVersion/kind → the compiled OpenAPI validator shipped by kubernetes-models.
 *
 * Two tiers (issue 15): the kinds a lab writes from its first command (the lessons' set-up, the
 * workload controllers, Services) are here and load with the simulator; the validators of the
 * kinds few lessons touch (RBAC, Ingress, HPA, volumes, webhooks, CRDs, other workloads …, ~32 KB
 * gzip) are in `schemas-rare.ts`, a chunk of its own. The store validates synchronously, so a
 * rare kind's validator must be loaded before a write of it: `exec` calls `loadRareSchemas()`
 * first whenever a command may write one (`mayWriteRareKind`), the API server before any write of
 * a rare kind. A write that slips past both fails loudly (`schemaFor`) instead of skipping checks.
 */

import { validate as v15 } from 'kubernetes-models/_schemas/IoK8sApiAppsV1Deployment';
import { validate as v16 } from 'kubernetes-models/_schemas/IoK8sApiAppsV1ReplicaSet';
import { validate as v3 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap';
import { validate as v8 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Endpoints';
import { validate as v9 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Event';
import { validate as v0 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Namespace';
import { validate as v10 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Node';
import { validate as v2 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Pod';
import { validate as v4 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Secret';
import { validate as v1 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Service';
import { validate as v7 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ServiceAccount';
import { validate as v22 } from 'kubernetes-models/_schemas/IoK8sApiDiscoveryV1EndpointSlice';

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** The validators loaded with the simulator. */
export const SCHEMAS: Record<string, SchemaValidator> = {
  'v1/Namespace': v0 as SchemaValidator,
  'v1/Service': v1 as SchemaValidator,
  'v1/Pod': v2 as SchemaValidator,
  'v1/ConfigMap': v3 as SchemaValidator,
  'v1/Secret': v4 as SchemaValidator,
  'v1/ServiceAccount': v7 as SchemaValidator,
  'v1/Endpoints': v8 as SchemaValidator,
  'v1/Event': v9 as SchemaValidator,
  'v1/Node': v10 as SchemaValidator,
  'apps/v1/Deployment': v15 as SchemaValidator,
  'apps/v1/ReplicaSet': v16 as SchemaValidator,
  'discovery.k8s.io/v1/EndpointSlice': v22 as SchemaValidator,
};

/** Keys of the validators in `schemas-rare.ts` (kept in step by test/unit/sim/schemas.test.ts). */
export const RARE_SCHEMA_KEYS: readonly string[] = [
  'v1/PersistentVolumeClaim',
  'v1/PersistentVolume',
  'v1/ReplicationController',
  'v1/ResourceQuota',
  'v1/LimitRange',
  'v1/PodTemplate',
  'apps/v1/StatefulSet',
  'apps/v1/DaemonSet',
  'apps/v1/ControllerRevision',
  'batch/v1/Job',
  'batch/v1/CronJob',
  'networking.k8s.io/v1/Ingress',
  'networking.k8s.io/v1/IngressClass',
  'networking.k8s.io/v1/NetworkPolicy',
  'policy/v1/PodDisruptionBudget',
  'rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1/RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'storage.k8s.io/v1/StorageClass',
  'storage.k8s.io/v1/CSIDriver',
  'scheduling.k8s.io/v1/PriorityClass',
  'coordination.k8s.io/v1/Lease',
  'autoscaling/v2/HorizontalPodAutoscaler',
  'autoscaling/v1/HorizontalPodAutoscaler',
  'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration',
  'apiextensions.k8s.io/v1/CustomResourceDefinition',
];

let rare: Record<string, SchemaValidator> | undefined;
let loading: Promise<void> | undefined;

/** Loads the rarely used kinds' validators (once; later calls return the same promise). */
export function loadRareSchemas(): Promise<void> {
  loading ??= import('./schemas-rare').then((m) => {
    rare = m.RARE_SCHEMAS;
  });
  return loading;
}

export const rareSchemasLoaded = (): boolean => rare !== undefined;

const RARE = new Set(RARE_SCHEMA_KEYS);

/**
 * The validator for `apiVersion/kind`, or undefined for a kind without one (custom resources).
 * Throws if it is a rare kind whose validator was never loaded: a caller forgot `loadRareSchemas()`.
 */
export function schemaFor(key: string): SchemaValidator | undefined {
  const found = SCHEMAS[key] ?? rare?.[key];
  if (!found && RARE.has(key)) throw new Error(`internal error: the schema of ${key} is not loaded (await loadRareSchemas() before writing it)`);
  return found;
}
