import type { ArmResource } from '../../sim/azure/types';

/** The resource as ARM returns it (REST shape, `properties` nested), like the portal's JSON View. */
export function JsonView({ resource }: { resource: ArmResource }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable-region-focusable: a container that scrolls must scroll from the keyboard too.
    <pre class="portal-json" tabIndex={0}>
      {JSON.stringify(resource, null, 2)}
    </pre>
  );
}
