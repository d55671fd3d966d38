/**
 * Azure Resource Manager, in memory: resources by id (case-insensitive, like ARM), each in REST
 * shape, plus the activity log every write appends to. Latency and faults live in client.ts;
 * this class is the consistent state `az` and the portal read.
 */
import { toRfc3339, type VirtualClock } from '../clock';
import { SeededRandom } from '../random';
import { type ArmError, armErrors } from './errors';
import { idKey, idSegment, parseId } from './ids';
import type { ActivityLogEntry, ActivityStatus, ArmResource, OperationContext } from './types';
import { viewResource } from './views';

export interface ArmListFilter {
  subscriptionId?: string;
  /** Case-insensitive. */
  resourceGroup?: string;
  /** Case-insensitive, e.g. `Microsoft.Network/publicIPAddresses`. */
  type?: string;
}

export const RESOURCE_GROUP_TYPE = 'Microsoft.Resources/resourceGroups';

/**
 * Activity-log entries kept, newest last. Azure keeps 90 days of events; a lab's virtual time
 * rarely passes hours, so a count is what bounds memory in a long session. 5,000 is far more than
 * the portal's list (200 here) or `az monitor activity-log list` (50 by default) ever shows. When
 * full, the oldest ACTIVITY_LOG_TRIM go at once, so trimming costs O(1) per entry on average.
 */
export const ACTIVITY_LOG_LIMIT = 5000;
export const ACTIVITY_LOG_TRIM = 500;

export class ArmStore {
  private resources = new Map<string, ArmResource>();
  private order = new Map<string, number>();
  /** type (lower case) → keys; lists by type stay O(resources of that type). */
  private byType = new Map<string, Set<string>>();
  /** key → resource group (lower case), so filters never re-parse ids. */
  private rgOf = new Map<string, string>();
  /** `type|subscription|location` (lower case) → count: quota checks without scanning. */
  private perLocation = new Map<string, number>();
  /** key → the resource id as the last writer spelled it (child ids take that casing). */
  private writePrefix = new Map<string, string>();
  private seq = 0;
  private writes = 0;
  /** ARM operations, oldest first: the newest ACTIVITY_LOG_LIMIT at most. */
  readonly activityLog: ActivityLogEntry[] = [];

  constructor(
    readonly clock: VirtualClock,
    readonly random: SeededRandom,
    /** Its own stream, so assigning resourceGuids never shifts names, etags or IPs. */
    private readonly guids: SeededRandom = new SeededRandom('resource-guid'),
  ) {}

  /** Increases on every successful write (used by `settle()` to detect progress). */
  get version(): number {
    return this.writes;
  }

  /** A change outside resources that may let a failed retry succeed (role assignment, quota). */
  touch(): void {
    this.writes++;
  }

  /** Deep copy as ARM's GET returns it (with computed back-references), or undefined. */
  get(id: string): ArmResource | undefined {
    const k = idKey(id);
    const r = this.resources.get(k);
    return r && viewResource(r, this.writePrefix.get(k));
  }

  /** Deep copy or ArmError 404 worded like ARM. */
  require(id: string): ArmResource {
    const r = this.get(id);
    if (r) return r;
    const p = parseId(id);
    if (!p.type) throw armErrors.resourceGroupNotFound(p.resourceGroup);
    if (!this.resources.has(idKey(`/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}`)))
      throw armErrors.resourceGroupNotFound(p.resourceGroup);
    throw armErrors.notFound(p.type, p.name ?? '', p.resourceGroup);
  }

  /** Live object; never mutate outside this class's write methods. */
  peek(id: string): ArmResource | undefined {
    return this.resources.get(idKey(id));
  }

  has(id: string): boolean {
    return this.resources.has(idKey(id));
  }

  /** Deep copies in creation order (ARM list order is stable but unspecified). */
  list(filter: ArmListFilter = {}): ArmResource[] {
    return this.select(filter).map((r) => viewResource(r, this.writePrefix.get(idKey(r.id))));
  }

  /** Live objects matching the filter, creation order. */
  select(filter: ArmListFilter = {}): ArmResource[] {
    const rg = filter.resourceGroup?.toLowerCase();
    const type = filter.type?.toLowerCase();
    const sub = filter.subscriptionId ? `/subscriptions/${filter.subscriptionId.toLowerCase()}/` : undefined;
    const keys = type ? (this.byType.get(type) ?? new Set<string>()) : this.resources.keys();
    const out: ArmResource[] = [];
    for (const k of keys) {
      const r = this.resources.get(k)!;
      if (!type && r.type === RESOURCE_GROUP_TYPE) continue;
      if (sub && !k.startsWith(sub)) continue;
      if (rg && this.rgOf.get(k) !== rg) continue;
      out.push(r);
    }
    // Map/Set iteration is insertion order, and a re-created resource is re-inserted: that is
    // creation order already, no sort needed.
    return out;
  }

  /**
   * Creates or replaces a resource (a completed PUT). New etag, provisioningState Succeeded.
   * Returns the stored (live) object. The resource group must exist.
   */
  put(resource: ArmResource, ctx: OperationContext, opts: { log?: boolean } = {}): ArmResource {
    const k = idKey(resource.id);
    if (resource.type !== RESOURCE_GROUP_TYPE) {
      const p = parseId(resource.id);
      if (!this.resources.has(idKey(`/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}`))) {
        throw armErrors.resourceGroupNotFound(p.resourceGroup);
      }
    }
    const existing = this.resources.get(k);
    this.writePrefix.set(k, resource.id);
    // ARM keeps the casing the resource was created with; children follow the request URL.
    if (existing) resource.id = existing.id;
    resource.etag = `W/"${this.random.uuid()}"`;
    // Network resources carry a resourceGuid ARM assigns at creation and keeps for life.
    if (!resource.properties.resourceGuid && ('resourceGuid' in resource.properties || existing?.properties.resourceGuid)) {
      resource.properties.resourceGuid = (existing?.properties.resourceGuid as string | undefined) || this.guids.uuid();
    }
    resource.properties.provisioningState = 'Succeeded';
    if (!this.order.has(k)) this.order.set(k, this.seq++);
    if (existing) this.bumpLocation(existing, -1);
    this.bumpLocation(resource, 1);
    this.resources.set(k, resource);
    const tk = resource.type.toLowerCase();
    let bucket = this.byType.get(tk);
    if (!bucket) this.byType.set(tk, (bucket = new Set()));
    bucket.add(k);
    if (!existing) this.rgOf.set(k, parseId(resource.id).resourceGroup.toLowerCase());
    this.writes++;
    if (opts.log !== false) this.log(writeOperation(resource.type), resource.id, 'Succeeded', ctx);
    return resource;
  }

  /** Removes a resource (a completed DELETE). Missing → ArmError 404-style no-op false. */
  delete(id: string, ctx: OperationContext, opts: { log?: boolean } = {}): boolean {
    const k = idKey(id);
    const r = this.resources.get(k);
    if (!r) return false;
    this.resources.delete(k);
    this.bumpLocation(r, -1);
    this.order.delete(k);
    this.byType.get(r.type.toLowerCase())?.delete(k);
    this.rgOf.delete(k);
    this.writePrefix.delete(k);
    this.writes++;
    if (opts.log !== false) this.log(deleteOperation(r.type), r.id, 'Succeeded', ctx);
    return true;
  }

  /** Two log entries per operation on a handful of ids (the LB, the NSG): parse each id once. */
  private logIds = new Map<string, { resourceGroup: string; type?: string }>();
  private parsedForLog(id: string): { resourceGroup: string; type?: string } {
    let p = this.logIds.get(id);
    if (!p) {
      if (this.logIds.size > 4096) this.logIds.clear();
      const full = parseId(id);
      this.logIds.set(id, (p = { resourceGroup: full.resourceGroup, type: full.type }));
    }
    return p;
  }

  /** How many resources of `type` exist in one subscription and region (PIP quota). */
  countByLocation(type: string, subscriptionId: string, location: string): number {
    return this.perLocation.get(locationKey(type, subscriptionId, location)) ?? 0;
  }

  private bumpLocation(r: ArmResource, by: number): void {
    const key = locationKey(r.type, idSegment(r.id, 2), r.location ?? '');
    const n = (this.perLocation.get(key) ?? 0) + by;
    if (n) this.perLocation.set(key, n);
    else this.perLocation.delete(key);
  }

  /** Appends an activity-log entry at the current virtual time. */
  log(operationName: string, resourceId: string, status: ActivityStatus, ctx: OperationContext, error?: ArmError, correlationId?: string): ActivityLogEntry {
    const p = this.parsedForLog(resourceId);
    const entry: ActivityLogEntry = {
      correlationId: correlationId ?? this.random.uuid(),
      eventDataId: this.random.uuid(),
      operationName,
      resourceId,
      resourceGroup: p.resourceGroup,
      resourceType: p.type ?? RESOURCE_GROUP_TYPE,
      status,
      caller: ctx.caller,
      eventTimestamp: isoMillis(this.clock.now()),
      level: status === 'Failed' ? 'Error' : 'Informational',
      cause: ctx.cause,
    };
    if (error) {
      entry.subStatus =
        error.statusCode === 429 ? 'TooManyRequests' : error.statusCode === 404 ? 'NotFound' : error.statusCode === 409 ? 'Conflict' : 'BadRequest';
      entry.properties = { statusCode: entry.subStatus, statusMessage: JSON.stringify(error.toJSON()) };
    }
    this.activityLog.push(entry);
    if (this.activityLog.length > ACTIVITY_LOG_LIMIT) this.activityLog.splice(0, ACTIVITY_LOG_TRIM);
    return entry;
  }
}

// One shared string per type: the activity log holds thousands of these.
const opNames = new Map<string, string>();
function opName(type: string, verb: string): string {
  const key = `${type}/${verb}`;
  let name = opNames.get(key);
  if (name === undefined) opNames.set(key, (name = key));
  return name;
}

export function writeOperation(type: string): string {
  return opName(type, 'write');
}

export function deleteOperation(type: string): string {
  return opName(type, 'delete');
}

function locationKey(type: string, subscriptionId: string, location: string): string {
  return `${type}|${subscriptionId}|${location}`.toLowerCase();
}

/** Activity-log timestamps: virtual time stands still for many writes in a row, format once. */
function isoMillis(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}
let lastMs = NaN;
let lastIso = '';

export { toRfc3339 };
