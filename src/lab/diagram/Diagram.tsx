import { useMemo } from 'preact/hooks';
import { changeTracker } from '../changes/tracker';
import { usePortal } from '../portal/context';
import { shortenMiddle } from '../portal/middle';
import { useLab } from '../use-store';
import { BOX_H, COL, charsThatFit, GAP, PAD, SUB_PX, TITLE_PX, WIDTH, wrapHeading } from './layout';
import { buildNetworkModel, type NetworkModel } from './model';
import './diagram.css';

type Column = (typeof COL)[keyof typeof COL];

/**
 * One box: a title (names in monospace) and a muted second line, each shortened in the middle to
 * fit; the whole values are the box's <title>. The text sits in a nested <svg> the size of the
 * box, which clips, so a wider-than-expected font can never run over the border.
 */
function Box({
  col,
  y,
  title,
  sub,
  kind,
  mono = true,
  isNew,
  newLabel,
  full,
}: {
  col: Column;
  y: number;
  title: string;
  sub?: string;
  kind: string;
  mono?: boolean;
  isNew?: boolean;
  newLabel: string;
  /** The tooltip's second line when it says more than `sub`. */
  full?: string;
}) {
  const t = shortenMiddle(title, charsThatFit(col.w, TITLE_PX, title, mono));
  const s = sub ? shortenMiddle(sub, charsThatFit(col.w, SUB_PX, sub)) : undefined;
  return (
    <g class={`dg-box dg-${kind}${isNew ? ' dg-new' : ''}`}>
      <title>{[title, full ?? sub, isNew ? `(${newLabel})` : ''].filter(Boolean).join('\n')}</title>
      <rect x={col.x} y={y} width={col.w} height={BOX_H} rx={6} />
      {/* biome-ignore lint/a11y/noSvgWithoutTitle: a nested viewport that clips the text; the <title> above names the box. */}
      <svg x={col.x} y={y} width={col.w} height={BOX_H}>
        <text x={PAD} y={18} class={mono ? 'dg-title dg-mono' : 'dg-title'}>
          {t}
        </text>
        {s && (
          <text x={PAD} y={35} class="dg-sub">
            {s}
          </text>
        )}
      </svg>
    </g>
  );
}

function Arrow({ x1, y1, x2, y2 }: { x1: number; y1: number; x2: number; y2: number }) {
  const mx = (x1 + x2) / 2;
  return <path class="dg-edge" d={`M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`} marker-end="url(#dg-arrow)" />;
}

function Heading({ col, y, text }: { col: Column; y: number; text: string }) {
  const lines = wrapHeading(text, col.w);
  return (
    <text x={col.x} y={y - (lines.length - 1) * 13} class="dg-col">
      {lines.map((l, i) => (
        <tspan key={i} x={col.x} dy={i === 0 ? 0 : 13}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

const right = (c: Column) => c.x + c.w;
const mid = (y: number) => y + BOX_H / 2;

function Picture({ model, t, fresh, newLabel }: { model: NetworkModel; t: ReturnType<typeof usePortal>['t']; fresh: Set<string>; newLabel: string }) {
  const isNew = (...ids: (string | undefined)[]) => ids.some((id) => !!id && fresh.has(id.toLowerCase()));
  const TOP = 44;
  const rowY = (i: number) => TOP + i * (BOX_H + GAP);
  const rows = Math.max(model.inbound.length, model.nodes.length, 1);
  const outPips = model.outbound?.publicIps.length ? model.outbound.publicIps : [];
  const outY = rowY(rows) + 30;
  const outRows = Math.max(outPips.length, 1);
  const height = model.outbound ? outY + outRows * (BOX_H + GAP) + 4 : rowY(rows) + 4;
  const outMid = outY + ((outRows - 1) * (BOX_H + GAP)) / 2;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} class="dg-svg" role="img" aria-label={t.networkDiagram}>
      <defs>
        <marker id="dg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" class="dg-arrowhead" />
        </marker>
      </defs>
      <Heading col={COL.internet} y={TOP - 10} text={t.internet} />
      <Heading col={COL.pip} y={TOP - 10} text={t.publicIpAddress} />
      <Heading col={COL.frontend} y={TOP - 10} text={t.frontendIpConfiguration} />
      <Heading col={COL.rules} y={TOP - 10} text={t.loadBalancingRules} />
      <Heading col={COL.nodes} y={TOP - 10} text={t.nodes} />
      <Box col={COL.internet} y={rowY(0)} title={t.internet} kind="internet" mono={false} newLabel={newLabel} />
      {model.inbound.map((f, i) => {
        const y = rowY(i);
        const rules = f.rules.map((r) => `${r.protocol} ${r.port}`).join(', ');
        const probe = f.rules[0]?.probe;
        return (
          <g key={f.frontendId || f.frontend}>
            {f.publicIpName && <Arrow x1={right(COL.internet)} y1={mid(rowY(0))} x2={COL.pip.x} y2={mid(y)} />}
            {f.publicIpName ? (
              <Box col={COL.pip} y={y} title={f.publicIpName} sub={f.address} kind="pip" isNew={isNew(f.publicIpId)} newLabel={newLabel} />
            ) : (
              <Box col={COL.pip} y={y} title={t.privateIpAddress} sub={f.address} kind="private" mono={false} newLabel={newLabel} />
            )}
            <Arrow x1={right(COL.pip)} y1={mid(y)} x2={COL.frontend.x} y2={mid(y)} />
            <Box
              col={COL.frontend}
              y={y}
              title={f.frontend}
              sub={f.services.join(', ') || f.lb}
              full={[f.lb, ...f.services].join(' · ')}
              kind="frontend"
              isNew={isNew(f.frontendId)}
              newLabel={newLabel}
            />
            <Arrow x1={right(COL.frontend)} y1={mid(y)} x2={COL.rules.x} y2={mid(y)} />
            <Box
              col={COL.rules}
              y={y}
              title={rules || '—'}
              sub={probe ? `probe ${probe.split('-').slice(1).join('-') || probe}` : undefined}
              kind="rule"
              mono={false}
              isNew={isNew(...f.rules.flatMap((r) => [r.id, r.probeId]))}
              newLabel={newLabel}
            />
            {model.nodes.map((_, j) => (
              <Arrow key={j} x1={right(COL.rules)} y1={mid(y)} x2={COL.nodes.x} y2={mid(rowY(j))} />
            ))}
          </g>
        );
      })}
      {model.nodes.map((n, j) => (
        <Box key={n.name} col={COL.nodes} y={rowY(j)} title={n.name.replace(/^aks-/, '')} sub={n.ip} kind="node" newLabel={newLabel} />
      ))}
      {model.outbound && (
        <g>
          <text x={COL.internet.x} y={outY - 10} class="dg-col">
            {t.outbound}
          </text>
          <Box col={COL.nodes} y={outMid} title={t.pods} sub={t.nodes} kind="node" mono={false} newLabel={newLabel} />
          <Arrow x1={COL.nodes.x} y1={mid(outMid)} x2={right(COL.rules)} y2={mid(outMid)} />
          <Box
            col={COL.rules}
            y={outMid}
            title={model.outbound.rule}
            sub={model.outbound.via === 'natGateway' ? t.resourceTypes['microsoft.network/natgateways'] : t.outboundRules}
            kind="rule"
            isNew={isNew(model.outbound.ruleId)}
            newLabel={newLabel}
          />
          {outPips.map((p, j) => {
            const y = outY + j * (BOX_H + GAP);
            return (
              <g key={p.id || p.name}>
                <Arrow x1={COL.rules.x} y1={mid(outMid)} x2={right(COL.pip)} y2={mid(y)} />
                <Box col={COL.pip} y={y} title={p.name} sub={p.address} kind="pip-out" isNew={isNew(p.id)} newLabel={newLabel} />
                <Arrow x1={COL.pip.x} y1={mid(y)} x2={right(COL.internet)} y2={mid(outMid)} />
              </g>
            );
          })}
          <Box col={COL.internet} y={outMid} title={t.internet} kind="internet" mono={false} newLabel={newLabel} />
        </g>
      )}
    </svg>
  );
}

/** Live picture of inbound and outbound paths, with a table twin for screen readers. */
export function Diagram() {
  const { sandbox, store, t } = usePortal();
  const world = useLab(store, (s) => s.worldVersion);
  const model = useMemo(() => buildNetworkModel(sandbox), [sandbox, world]);
  const fresh = useMemo(() => changeTracker(store, sandbox).latestIds(), [store, sandbox, world]);
  return (
    <div class="lab-diagram">
      {model.inbound.length === 0 && <p class="muted">{t.noServices}</p>}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable-region-focusable: a container that scrolls must scroll from the keyboard too. */}
      <div class="dg-scroll" tabIndex={0} role="group" aria-label={t.networkDiagram}>
        <Picture model={model} t={t} fresh={fresh} newLabel={t.added} />
      </div>
      <details class="dg-text">
        <summary>{t.diagramTextTitle}</summary>
        <div class="dg-table-wrap">
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
                <tr key={f.frontendId || f.frontend}>
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
              {model.outbound &&
                (model.outbound.publicIps.length ? model.outbound.publicIps : [{ name: '—', id: '', address: '—' }]).map((p) => (
                  <tr key={`out-${p.id || p.name}`}>
                    <td>{p.name}</td>
                    <td>{p.address}</td>
                    <td colSpan={2}>
                      {t.outbound}: {model.outbound!.rule}
                    </td>
                    <td colSpan={2}>
                      {t.nodes}: {model.nodes.map((n) => n.name).join(', ')}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
