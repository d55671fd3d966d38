/**
 * The portal pane of a sandbox on another cloud (issue 17), chosen by `sandbox.cloud.name`: the
 * AWS console (eks), the Google Cloud console (gke), or the bare-metal view (metallb, k3s). Loaded
 * with import() from PortalView only for such a sandbox: nothing here is in the AKS lab's chunks.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AwsStore } from '../../../sim/clouds/eks/store';
import type { GcpStore } from '../../../sim/clouds/gke/store';
import type { MetalLbStore } from '../../../sim/clouds/metallb/store';
import { AwsConsole } from './AwsConsole';
import { BareMetalView } from './BareMetalView';
import { GcpConsole } from './GcpConsole';
import { consoleStrings } from './strings';
import type { ConsoleProps } from './types';
import './consoles.css';

/** Each console's own path prefix in the portal path (anything else opens its first page). */
const PREFIX: Record<string, string> = { eks: 'aws', gke: 'gcp' };

export function CloudConsole({ ctx, ui, locale }: ConsoleProps) {
  const cloud = ctx.sandbox.cloud;
  const path = ui.useLab(ctx.store, (st) => st.portalPath);
  // The cloud's module loads on its own; its store is what the console reads.
  const [ready, setReady] = useState(!!cloud?.runtime);
  useEffect(() => {
    if (!ready) void cloud?.ready?.then(() => setReady(true));
  }, [ready, cloud]);
  const s = consoleStrings(locale);
  const name = cloud?.name ?? 'aks';
  const store = cloud?.runtime?.store;
  const own = path[0] === PREFIX[name] ? path.slice(1) : [];
  if (!ready || (!store && name !== 'k3s'))
    return (
      <p class="muted" role="status">
        {s.loading}
      </p>
    );
  const props = { ctx, ui, locale, path: own, s };
  if (name === 'eks') return <AwsConsole {...props} aws={store as AwsStore} />;
  if (name === 'gke') return <GcpConsole {...props} gcp={store as GcpStore} />;
  return <BareMetalView {...props} cloud={name === 'metallb' ? 'metallb' : 'k3s'} {...(name === 'metallb' ? { metallb: store as MetalLbStore } : {})} />;
}
