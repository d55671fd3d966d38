/**
 * Health probe settings of one Service port as cloud-provider-azure v1.33 reads them
 * (buildHealthProbeRulesForPort, getHealthProbeConfigProbeIntervalAndNumOfProbe, pkg/consts
 * helpers): per-port annotations first, then the service-wide ones, then defaults; the error
 * texts are upstream's, wrapped the way upstream wraps them.
 */
import type { Service, ServicePort } from '../kube/types';
import { A, annotationsOf, portAnnotation } from './annotations';
import { CloudError } from './context';

export const PROBE_DEFAULT_INTERVAL = 5;
export const PROBE_DEFAULT_COUNT = 2;

/** Go's strconv.ParseInt(v, 10, 32) with the consts.extractInt32FromString wording. */
function parseInt32(raw: string): number {
  const v = raw.trim();
  const errKey = `${v} value must be a whole number`;
  if (!/^[+-]?\d+$/.test(v)) throw new CloudError(`error value: strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax: ${errKey}`);
  const n = Number(v);
  if (n > 2 ** 31 - 1 || n < -(2 ** 31)) throw new CloudError(`error value: strconv.ParseInt: parsing ${JSON.stringify(v)}: value out of range: ${errKey}`);
  return n;
}

/** An int32 annotation with a lower bound, `undefined` when absent (Getint32ValueFromK8sSvcAnnotation). */
function int32Annotation(svc: Service, key: string, param: string, min: number): number | undefined {
  const raw = annotationsOf(svc)[key];
  if (raw === undefined) return undefined;
  const n = parseInt32(raw);
  if (n < min) throw new CloudError(`error parsing value: the minimum value of ${param} is ${min}`);
  return n;
}

/** Per-port value, else the service-wide one, else the default; each source with its own wrap. */
function probeSetting(svc: Service, port: number, param: 'interval' | 'num-of-probe', wideKey: string, min: number, def: number): number {
  const portKey = portAnnotation(port, `health-probe_${param}`);
  let v: number | undefined;
  try {
    v = int32Annotation(svc, portKey, param, min);
  } catch (err) {
    // Upstream's format differs by one space between the two settings ("%s:%w" vs "%s: %w").
    throw new CloudError(`failed to parse annotation ${portKey}${param === 'interval' ? ':' : ': '}${(err as Error).message}`);
  }
  if (v !== undefined) return v;
  try {
    v = int32Annotation(svc, wideKey, param, min);
  } catch (err) {
    throw new CloudError(`failed to parse annotation ${wideKey}: ${(err as Error).message}`);
  }
  return v ?? def;
}

/** Interval and threshold for the probe of `port`; interval × count must stay under 120 s. */
export function probeTiming(svc: Service, port: number): { interval: number; count: number } {
  const count = probeSetting(svc, port, 'num-of-probe', A.probeCount, 2, PROBE_DEFAULT_COUNT);
  const interval = probeSetting(svc, port, 'interval', A.probeInterval, 5, PROBE_DEFAULT_INTERVAL);
  if (interval * count >= 120) throw new CloudError('total probe should be less than 120, please adjust interval and number of probe accordingly');
  return { interval, count };
}

/**
 * `port_<p>_health-probe_port`: a port name (any case) or number of the Service means that port's
 * nodePort; any other number in 0–65535 is used as is. Undefined when the annotation is absent.
 */
export function probePortOverride(svc: Service, port: number): number | undefined {
  const key = portAnnotation(port, 'health-probe_port');
  const raw = annotationsOf(svc)[key];
  if (raw === undefined) return undefined;
  const ports = svc.spec.ports ?? [];
  const byName = ports.find((p) => p.name !== undefined && p.name.toLowerCase() === raw.toLowerCase());
  if (byName) return byName.nodePort ?? 0;
  if (!/^[+-]?\d+$/.test(raw)) throw new CloudError(`failed to parse annotation ${key}: port ${raw} not found in service`);
  const n = Number(raw);
  if (n < 0 || n > 65535) throw new CloudError(`failed to parse annotation ${key}: port ${n} is out of range`);
  const byNumber = ports.find((p) => p.port === n);
  return byNumber ? (byNumber.nodePort ?? 0) : n;
}

/** Probe protocol: per-port annotation, the port's appProtocol, the service-wide annotation, Tcp. */
export function probeProtocol(svc: Service, port: ServicePort): 'Tcp' | 'Http' | 'Https' {
  const ann = annotationsOf(svc);
  const raw = ann[portAnnotation(port.port, 'health-probe_protocol')] ?? port.appProtocol ?? ann[A.probeProtocol] ?? 'Tcp';
  const v = raw.trim().toLowerCase();
  return v === 'http' ? 'Http' : v === 'https' ? 'Https' : 'Tcp';
}

/** Request path of an HTTP(S) probe: per-port annotation, service-wide annotation, `/`. */
export function probeRequestPath(svc: Service, port: number): string {
  const ann = annotationsOf(svc);
  return ann[portAnnotation(port, 'health-probe_request-path')] ?? ann[A.probePath] ?? '/';
}
