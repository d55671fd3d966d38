import { usePortal } from './context';
import { useLab } from '../use-store';
import { parentResourceId } from './arm-view';

const kindToResource: Record<string, string> = { Service: 'service', Deployment: 'deployment', Node: 'node' };

/**
 * The activity log, newest first. Besides the real portal's columns it says *why*: the Kubernetes
 * object and cloud-provider step behind each call, linked to the resource and to `kubectl describe`.
 */
export function ActivityLog({ resourceId, resourceGroup }: { resourceId?: string; resourceGroup?: string }) {
  const { sandbox, store, t, go, runInTerminal } = usePortal();
  useLab(store, (s) => s.worldVersion);
  const entries = sandbox.arm.activityLog
    .filter((e) => e.status !== 'Started')
    .filter((e) => !resourceId || e.resourceId.toLowerCase().startsWith(resourceId.toLowerCase()))
    .filter((e) => !resourceGroup || e.resourceGroup.toLowerCase() === resourceGroup.toLowerCase())
    .slice(-200)
    .reverse();
  if (entries.length === 0) return <p class="muted">{t.noEntries}</p>;
  return (
    <div class="portal-table-wrap">
      <p class="muted small">{t.whyExplained}</p>
      <table class="portal-table activity-log">
        <caption class="visually-hidden">{t.activityLog}</caption>
        <thead>
          <tr>
            <th scope="col">{t.operation}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.time}</th>
            <th scope="col">{t.caller}</th>
            <th scope="col">{t.why}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const [kind, ref] = e.cause?.object.split(' ') ?? [];
            const [ns, name] = ref?.includes('/') ? ref.split('/') : [undefined, ref];
            const k8s = kind ? kindToResource[kind] : undefined;
            return (
              <tr key={e.eventDataId} class={e.status === 'Failed' ? 'row-failed' : undefined}>
                <td>
                  <button type="button" class="link-button" onClick={() => go(['resource', parentResourceId(e.resourceId)])}>
                    {e.operationName}
                  </button>
                  <div class="muted small">{e.resourceId.split('/').slice(-2).join('/')}</div>
                </td>
                <td>
                  {e.status}
                  {e.properties?.statusCode && <div class="muted small">{e.properties.statusCode}</div>}
                </td>
                <td>
                  <time dateTime={e.eventTimestamp}>{e.eventTimestamp.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>
                </td>
                <td>{e.caller}</td>
                <td>
                  {e.cause ? (
                    <>
                      {k8s && name ? (
                        <button
                          type="button"
                          class="link-button"
                          onClick={() => runInTerminal(`kubectl describe ${k8s} ${name}${ns ? ` -n ${ns}` : ''}`)}
                        >
                          {e.cause.object}
                        </button>
                      ) : (
                        e.cause.object
                      )}
                      <div class="muted small">→ {e.cause.step}</div>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
