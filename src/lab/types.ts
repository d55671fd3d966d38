import type { ArmStore } from '../sim/azure/store';
import type { VirtualClock } from '../sim/clock';
import type { SettleOptions, SettleReport } from '../sim/index';
import type { KubeStore } from '../sim/kube/store';
import type { CloudName } from '../sim/options';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What the lab needs of a sandbox: the public simulator entry plus read access for the views. */
export interface LabSandbox {
  exec(commandLine: string, opts?: { stdin?: string; pause?: () => Promise<void> }): Promise<ExecResult>;
  settle(opts?: SettleOptions): Promise<SettleReport>;
  advance(ms: number): Promise<void>;
  readonly kube: KubeStore;
  readonly arm: ArmStore;
  readonly clock: VirtualClock;
  readonly options: { readonly resourceGroup: string; readonly clusterName: string; readonly location: string; readonly subscriptionId: string };
  /** The provider (issue 17): for anything but `aks` the portal pane shows that cloud's console. */
  readonly cloud?: { readonly name: CloudName; readonly ready?: Promise<void>; readonly runtime?: { readonly store: unknown } };
  /** Switches simulator faults (quota, throttling, slow provisioning) on or off at run time. */
  setFaults?(faults: Record<string, unknown>): void;
}

export type Locale = 'en' | 'ko';

/** How a lesson configures a lab (serialised into the page as JSON). */
export interface LabConfig {
  /** Unique per lesson page: the key for drafts and history in storage. */
  id: string;
  locale: Locale;
  /** Initial editor text. */
  yaml: string;
  /** Commands run headless before the learner sees the lab (namespaces, deployments …). */
  setup: string[];
  /** Sandbox options (outbound type, IP count, …); see createSandbox. */
  sandbox: Record<string, unknown>;
  /** Name of the module in content/labs/ whose `exercises` this lab checks (usually the lesson slug). */
  exercises?: string;
  /** A multi-cloud lab: one tab (its own sandbox, created when first opened) per cloud, the first shown. */
  clouds?: CloudName[];
  /** Commands run after `setup` in one cloud's sandbox only. */
  cloudSetup?: Partial<Record<CloudName, string[]>>;
}
