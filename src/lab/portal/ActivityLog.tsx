// biome-ignore-all lint/a11y/noRedundantRoles: the narrow layout sets display: block on the table, which drops its table semantics in Chrome and Safari; the explicit roles keep them.
import { Fragment } from 'preact';
import { useLab } from '../use-store';
import { parentResourceId } from './arm-view';
import { usePortal } from './context';
import { MiddleText } from './MiddleText';

const kindToResource: Record<string, string> = { Service: 'service', Deployment: 'deployment', Node: 'node' };

/** `Microsoft.Network/loadBalancers/write` may wrap after a slash, never inside a word. */
function Slashed({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}

/**
 * The activity log, newest first. Besides the real portal's columns it says *why*: the Kubernetes
 * object and cloud-provider step behind each call, linked to the resource and to `kubectl describe`.
 * That column comes second so a docked pane shows it; a narrow pane stacks each event's cells
 * (explicit table roles keep the semantics when the cells are displayed as blocks).
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
      <table class="portal-table activity-log" role="table">
        <caption class="visually-hidden">{t.activityLog}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t.operation}
            </th>
            <th scope="col" role="columnheader" class="why-head">
              {t.why}
            </th>
            <th scope="col" role="columnheader">
              {t.status}
            </th>
            <th scope="col" role="columnheader">
              {t.time}
            </th>
            <th scope="col" role="columnheader">
              {t.caller}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {entries.map((e) => {
            const [kind, ref] = e.cause?.object.split(' ') ?? [];
            const [ns, name] = ref?.includes('/') ? ref.split('/') : [undefined, ref];
            const k8s = kind ? kindToResource[kind] : undefined;
            const [resType, resName] = e.resourceId.split('/').slice(-2);
            return (
              <tr key={e.eventDataId} role="row" class={e.status === 'Failed' ? 'row-failed' : undefined}>
                <td role="cell" data-label={t.operation}>
                  <button type="button" class="link-button" onClick={() => go(['resource', parentResourceId(e.resourceId)])}>
                    <Slashed text={e.operationName} />
                  </button>
                  <div class="muted small op">
                    {resType}/<wbr />
                    <MiddleText value={resName ?? ''} />
                  </div>
                </td>
                <td role="cell" class="why" data-label={t.why}>
                  {e.cause ? (
                    <>
                      {k8s && name ? (
                        <button type="button" class="link-button" onClick={() => runInTerminal(`kubectl describe ${k8s} ${name}${ns ? ` -n ${ns}` : ''}`)}>
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
                <td role="cell" data-label={t.status}>
                  {e.status}
                  {e.properties?.statusCode && <div class="muted small">{e.properties.statusCode}</div>}
                </td>
                <td role="cell" data-label={t.time}>
                  <time dateTime={e.eventTimestamp}>{e.eventTimestamp.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>
                </td>
                <td role="cell" data-label={t.caller}>
                  <MiddleText value={e.caller} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
