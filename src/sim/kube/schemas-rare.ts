/**
 * Validators of the kinds few lessons write, loaded on first need (see `schemas.ts`): a chunk of
 * their own, out of the lab's start.
 */

import { validate as v38 } from 'kubernetes-models/_schemas/IoK8sApiAdmissionregistrationV1MutatingWebhookConfiguration';
import { validate as v37 } from 'kubernetes-models/_schemas/IoK8sApiAdmissionregistrationV1ValidatingWebhookConfiguration';
import { validate as v19 } from 'kubernetes-models/_schemas/IoK8sApiAppsV1ControllerRevision';
import { validate as v18 } from 'kubernetes-models/_schemas/IoK8sApiAppsV1DaemonSet';
import { validate as v17 } from 'kubernetes-models/_schemas/IoK8sApiAppsV1StatefulSet';
import { validate as v36 } from 'kubernetes-models/_schemas/IoK8sApiAutoscalingV1HorizontalPodAutoscaler';
import { validate as v35 } from 'kubernetes-models/_schemas/IoK8sApiAutoscalingV2HorizontalPodAutoscaler';
import { validate as v21 } from 'kubernetes-models/_schemas/IoK8sApiBatchV1CronJob';
import { validate as v20 } from 'kubernetes-models/_schemas/IoK8sApiBatchV1Job';
import { validate as v34 } from 'kubernetes-models/_schemas/IoK8sApiCoordinationV1Lease';
import { validate as v13 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1LimitRange';
import { validate as v6 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolume';
import { validate as v5 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolumeClaim';
import { validate as v14 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PodTemplate';
import { validate as v11 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ReplicationController';
import { validate as v12 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ResourceQuota';
import { validate as v39 } from 'kubernetes-models/_schemas/IoK8sApiextensionsApiserverPkgApisApiextensionsV1CustomResourceDefinition';
import { validate as v23 } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress';
import { validate as v24 } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1IngressClass';
import { validate as v25 } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy';
import { validate as v26 } from 'kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget';
import { validate as v29 } from 'kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRole';
import { validate as v30 } from 'kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRoleBinding';
import { validate as v27 } from 'kubernetes-models/_schemas/IoK8sApiRbacV1Role';
import { validate as v28 } from 'kubernetes-models/_schemas/IoK8sApiRbacV1RoleBinding';
import { validate as v33 } from 'kubernetes-models/_schemas/IoK8sApiSchedulingV1PriorityClass';
import { validate as v32 } from 'kubernetes-models/_schemas/IoK8sApiStorageV1CSIDriver';
import { validate as v31 } from 'kubernetes-models/_schemas/IoK8sApiStorageV1StorageClass';
import type { SchemaValidator } from './schemas';

export const RARE_SCHEMAS: Record<string, SchemaValidator> = {
  'v1/PersistentVolumeClaim': v5 as SchemaValidator,
  'v1/PersistentVolume': v6 as SchemaValidator,
  'v1/ReplicationController': v11 as SchemaValidator,
  'v1/ResourceQuota': v12 as SchemaValidator,
  'v1/LimitRange': v13 as SchemaValidator,
  'v1/PodTemplate': v14 as SchemaValidator,
  'apps/v1/StatefulSet': v17 as SchemaValidator,
  'apps/v1/DaemonSet': v18 as SchemaValidator,
  'apps/v1/ControllerRevision': v19 as SchemaValidator,
  'batch/v1/Job': v20 as SchemaValidator,
  'batch/v1/CronJob': v21 as SchemaValidator,
  'networking.k8s.io/v1/Ingress': v23 as SchemaValidator,
  'networking.k8s.io/v1/IngressClass': v24 as SchemaValidator,
  'networking.k8s.io/v1/NetworkPolicy': v25 as SchemaValidator,
  'policy/v1/PodDisruptionBudget': v26 as SchemaValidator,
  'rbac.authorization.k8s.io/v1/Role': v27 as SchemaValidator,
  'rbac.authorization.k8s.io/v1/RoleBinding': v28 as SchemaValidator,
  'rbac.authorization.k8s.io/v1/ClusterRole': v29 as SchemaValidator,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': v30 as SchemaValidator,
  'storage.k8s.io/v1/StorageClass': v31 as SchemaValidator,
  'storage.k8s.io/v1/CSIDriver': v32 as SchemaValidator,
  'scheduling.k8s.io/v1/PriorityClass': v33 as SchemaValidator,
  'coordination.k8s.io/v1/Lease': v34 as SchemaValidator,
  'autoscaling/v2/HorizontalPodAutoscaler': v35 as SchemaValidator,
  'autoscaling/v1/HorizontalPodAutoscaler': v36 as SchemaValidator,
  'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration': v37 as SchemaValidator,
  'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration': v38 as SchemaValidator,
  'apiextensions.k8s.io/v1/CustomResourceDefinition': v39 as SchemaValidator,
};
