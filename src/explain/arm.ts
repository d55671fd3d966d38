/** Small readers for ARM ids and the JSON shapes az prints (ids compared case-insensitively, as ARM does). */
import { isObj, type Json } from './recognize';

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);
export const refId = (v: unknown): string | undefined => (isObj(v) ? str(v.id) : undefined);

/** Last path segment of an ARM id (`…/publicIPAddresses/<name>` → name). */
export function lastSegment(id: string): string {
  const parts = id.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? id;
}

/** The value after a segment name in an ARM id (`resourceGroups` → the group). Case-insensitive. */
export function segment(id: string, name: string): string | undefined {
  const parts = id.split('/');
  const i = parts.findIndex((p) => p.toLowerCase() === name.toLowerCase());
  return i >= 0 ? parts[i + 1] : undefined;
}

/** `lbname/frontendname` (lower case) for a frontend id: the key frontends are matched by. */
export function frontendKey(id: string): string | undefined {
  const m = /\/loadBalancers\/([^/]+)\/frontendIPConfigurations\/([^/]+)/i.exec(id);
  return m ? `${m[1]}/${m[2]}`.toLowerCase() : undefined;
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The base name the cloud provider derives from a Service's UID: `a` + the UID without dashes, 32 characters. */
export function baseName(uid: string | undefined): string | undefined {
  if (!uid) return undefined;
  const b = `a${uid.replace(/-/g, '')}`.slice(0, 32).toLowerCase();
  return /^a[0-9a-f]{31}$/.test(b) ? b : undefined;
}

/** The 32-character base a frontend, rule or probe name starts with, if it has one. */
export function basePrefix(name: string): string | undefined {
  const p = name.slice(0, 32).toLowerCase();
  return /^a[0-9a-f]{31}$/.test(p) ? p : undefined;
}
