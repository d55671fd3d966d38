import type { ArmResource } from '../../sim/azure/types';

/** Small readers over ARM REST shapes, so the blades stay declarative. */
type Props = Record<string, unknown>;

export const props = (r: ArmResource | undefined): Props => (r?.properties ?? {}) as Props;

export function subList(r: ArmResource | undefined, key: string): { id?: string; name?: string; properties?: Props }[] {
  const v = props(r)[key];
  return Array.isArray(v) ? (v as { id?: string; name?: string; properties?: Props }[]) : [];
}

export const lastSegment = (id: string | undefined): string => (id ? (id.split('/').filter(Boolean).pop() ?? '') : '');

export function refId(v: unknown): string | undefined {
  return v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : undefined;
}

export function resourceGroupOf(id: string): string {
  const m = /\/resourceGroups\/([^/]+)/i.exec(id);
  return m?.[1] ?? '';
}

/** `/subscriptions/…/loadBalancers/kubernetes/frontendIPConfigurations/x` → the parent resource id. */
export function parentResourceId(id: string): string {
  const parts = id.split('/');
  const providers = parts.findIndex((p) => p.toLowerCase() === 'providers');
  return providers < 0 ? id : parts.slice(0, providers + 4).join('/');
}

export function str(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  return String(v);
}
