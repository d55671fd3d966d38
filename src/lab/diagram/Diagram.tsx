import { usePortal } from '../portal/context';
import { useLab } from '../use-store';
import { buildNetworkModel, type NetworkModel } from './model';

const COL = { internet: 10, pip: 150, frontend: 330, rules: 520, nodes: 720 };
const BOX_H = 44;
const GAP = 14;

function Box({ x, y, w, title, sub, kind }: { x: number; y: number; w: number; title: string; sub?: string; kind: string }) {
  return (
    <g class={`dg-box dg-${kind}`}>
      <rect x={x} y={y} width={w} height={BOX_H} rx={6} />
      <text x={x + 8} y={y + 18}>
        {title.length > 24 ? `${title.slice(0, 23)}…` : title}
      </text>
      {sub && (
        <text x={x + 8} y={y + 35} class="dg-sub">
          {sub.length > 28 ? `${sub.slice(0, 27)}…` : sub}
        </text>
      )}
    </g>
  );
}

function Arrow({ x1, y1, x2, y2 }: { x1: number; y1: number; x2: number; y2: number }) {
  const mx = (x1 + x2) / 2;
  return <path class="dg-edge" d={`M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`} marker-end="url(#dg-arrow)" />;
}

function Picture({ model, t }: { model: NetworkModel; t: ReturnType<typeof usePortal>['t'] }) {
  const rows = Math.max(model.inbound.length, model.nodes.length, 1);
  const outY = rows * (BOX_H + GAP) + 40;
  const height = outY + (model.outbound ? BOX_H + 40 : 0) + 10;
  const nodeY = (i: number) => 30 + i * (BOX_H + GAP);
  return (
    <svg viewBox={`0 0 900 ${height}`} class="dg-svg" role="img" aria-label={t.networkDiagram}>
      <defs>
        <marker id="dg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" class="dg-arrowhead" />
        </marker>
      </defs>
      <text x={COL.internet} y={18} class="dg-col">{t.internet}</text>
      <text x={COL.pip} y={18} class="dg-col">{t.publicIpAddress}</text>
      <text x={COL.frontend} y={18} class="dg-col">{t.frontendIpConfiguration}</text>
      <text x={COL.rules} y={18} class="dg-col">{t.loadBalancingRules}</text>
      <text x={COL.nodes} y={18} class="dg-col">{t.nodes}</text>
      <Box x={COL.internet} y={30} w={110} title={t.internet} kind="internet" />
      {model.inbound.map((f, i) => {
        const y = nodeY(i);
        const rules = f.rules.map((r) => `${r.protocol} ${r.port}`).join(', ');
        return (
          <g key={f.frontend}>
            {f.publicIpName && <Arrow x1={COL.internet + 110} y1={52} x2={COL.pip} y2={y + BOX_H / 2} />}
            {f.publicIpName ? <Box x={COL.pip} y={y} w={160} title={f.publicIpName} sub={f.address} kind="pip" /> : <Box x={COL.pip} y={y} w={160} title={t.privateIpAddress} sub={f.address} kind="private" />}
            <Arrow x1={COL.pip + 160} y1={y + BOX_H / 2} x2={COL.frontend} y2={y + BOX_H / 2} />
            <Box x={COL.frontend} y={y} w={170} title={f.frontend} sub={`${f.lb} · ${f.services.join(', ')}`} kind="frontend" />
            <Arrow x1={COL.frontend + 170} y1={y + BOX_H / 2} x2={COL.rules} y2={y + BOX_H / 2} />
            <Box x={COL.rules} y={y} w={170} title={rules || '—'} sub={f.rules[0]?.probe ? `probe ${f.rules[0].probe.split('-').slice(1).join('-')}` : undefined} kind="rule" />
            {model.nodes.map((_, j) => (
              <Arrow key={j} x1={COL.rules + 170} y1={y + BOX_H / 2} x2={COL.nodes} y2={nodeY(j) + BOX_H / 2} />
            ))}
          </g>
        );
      })}
      {model.nodes.map((n, j) => (
        <Box key={n.name} x={COL.nodes} y={nodeY(j)} w={170} title={n.name.replace(/^aks-/, '')} sub={n.ip} kind="node" />
      ))}
      {model.outbound && (
        <g>
          <text x={COL.internet} y={outY - 8} class="dg-col">{t.outbound}</text>
          <Box x={COL.nodes} y={outY} w={170} title={t.pods} sub={t.nodes} kind="node" />
          <Arrow x1={COL.nodes} y1={outY + BOX_H / 2} x2={COL.rules + 170} y2={outY + BOX_H / 2} />
          <Box x={COL.rules} y={outY} w={170} title={model.outbound.rule} sub={t.outboundRules} kind="rule" />
          <Arrow x1={COL.rules} y1={outY + BOX_H / 2} x2={COL.pip + 160} y2={outY + BOX_H / 2} />
          <Box x={COL.pip} y={outY} w={160} title={model.outbound.publicIps[0]?.name ?? '—'} sub={model.outbound.publicIps.map((p) => p.address).join(', ')} kind="pip-out" />
          <Arrow x1={COL.pip} y1={outY + BOX_H / 2} x2={COL.internet + 110} y2={outY + BOX_H / 2} />
          <Box x={COL.internet} y={outY} w={110} title={t.internet} kind="internet" />
        </g>
      )}
    </svg>
  );
}

/** Live picture of inbound and outbound paths, with a table twin for screen readers. */
export function Diagram() {
  const { sandbox, store, t } = usePortal();
  useLab(store, (s) => s.worldVersion);
  const model = buildNetworkModel(sandbox);
  return (
    <div class="diagram">
      {model.inbound.length === 0 && <p class="muted">{t.noServices}</p>}
      <Picture model={model} t={t} />
      <details class="dg-text">
        <summary>{t.diagramTextTitle}</summary>
        <table class="portal-table">
          <caption class="visually-hidden">{t.inbound}</caption>
          <thead>
            <tr>
              <th scope="col">{t.publicIpAddress}</th>
              <th scope="col">{t.ipAddress}</th>
              <th scope="col">{t.frontendIpConfiguration}</th>
              <th scope="col">{t.loadBalancingRules}</th>
              <th scope="col">Service</th>
              <th scope="col">{t.pods}</th>
            </tr>
          </thead>
          <tbody>
            {model.inbound.map((f) => (
              <tr key={f.frontend}>
                <td>{f.publicIpName ?? t.privateIpAddress}</td>
                <td>{f.address}</td>
                <td>
                  {f.lb} / {f.frontend}
                </td>
                <td>{f.rules.map((r) => r.name).join(', ') || '—'}</td>
                <td>{f.services.join(', ') || '—'}</td>
                <td>{f.services.flatMap((s) => model.pods.find((p) => p.service === s)?.pods ?? []).join(', ') || '—'}</td>
              </tr>
            ))}
            {model.outbound && (
              <tr>
                <td>{model.outbound.publicIps.map((p) => p.name).join(', ')}</td>
                <td>{model.outbound.publicIps.map((p) => p.address).join(', ')}</td>
                <td colSpan={2}>
                  {t.outbound}: {model.outbound.rule}
                </td>
                <td colSpan={2}>
                  {t.nodes}: {model.nodes.map((n) => n.name).join(', ')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </details>
    </div>
  );
}
