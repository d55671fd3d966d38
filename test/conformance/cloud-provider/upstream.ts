/** The upstream release the cases are ported from (the Kubernetes minor the lab reports). */
export const UPSTREAM = {
  repo: 'kubernetes-sigs/cloud-provider-azure',
  tag: 'v1.33.17',
  commit: '0479db5b0def41bc43f567af82cf97e05d81322e',
} as const;

/** One upstream test case: file under pkg/provider, Go test function, case description. */
export interface UpstreamRef {
  file: string;
  func: string;
  name: string;
}

/** Upstream case names repeat inside a table; `#n` (1-based position in the table) tells them apart. */
export function ref(file: string, func: string, name: string, position?: number): UpstreamRef {
  return { file, func, name: position === undefined ? name : `${name} #${position}` };
}
