/** ARM resources in their REST shape (what `az rest` returns; `az` flattens `properties`). */

export interface SubResourceRef {
  id: string;
}

export interface ArmResource<P extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  etag?: string;
  sku?: { name: string; tier?: string };
  zones?: string[];
  kind?: string;
  identity?: Record<string, unknown>;
  managedBy?: string;
  properties: P & { provisioningState?: string };
}

/** The Kubernetes object and controller step behind an ARM write (shown by the portal view). */
export interface ActivityCause {
  /** `Service qa/mysql-lb` */
  object: string;
  /** `ensure public IP` */
  step: string;
}

export type ActivityStatus = 'Started' | 'Accepted' | 'Succeeded' | 'Failed';

export interface ActivityLogEntry {
  /** Unique per operation; Started and Succeeded/Failed of one operation share it. */
  correlationId: string;
  eventDataId: string;
  /** `Microsoft.Network/publicIPAddresses/write` */
  operationName: string;
  resourceId: string;
  resourceGroup: string;
  resourceType: string;
  status: ActivityStatus;
  /** HTTP status code as text for Failed (`Conflict`, `TooManyRequests` …). */
  subStatus?: string;
  /** Object id / name of who called ARM: the cluster identity, AKS, or the user. */
  caller: string;
  /** Virtual time, RFC 3339 with milliseconds. */
  eventTimestamp: string;
  level: 'Informational' | 'Error' | 'Warning';
  /** For Failed: `{ code, message }` of the ARM error. */
  properties?: { statusCode?: string; statusMessage?: string };
  cause?: ActivityCause;
}

/** Who is writing, and why: every ARM write carries this. */
export interface OperationContext {
  caller: string;
  cause?: ActivityCause;
}
