/**
 * The answer as a picture, with the real names: Internet → Public IPs → frontends → rules →
 * Services, and below it the way out (nodes → outbound rule → outbound IP → Internet). A small SVG
 * renderer of its own: the lab's diagram reads the live lab store, this one reads an Explanation.
 */
import type { Explanation } from '../types';
import type { UiStrings } from './strings';

const W = 1000;
const COL = { internet: 10, pip: 130, frontend: 370, rules: 600, service: 800 };
const WIDTH = { internet: 90, pip: 210, frontend: 200, rules: 170, service: 190 };
const BOX_H = 46;
const GAP = 12;
const MAX_ROWS = 30;

export interface DiagramRow {
  key: string;
  kind: 'pip' | 'private' | 'pending';
  role?: string;
  title: string;
  sub?: string;
  frontend?: string;
  lb?: string;
  rules: string;
  services: string[];
}

const fit = (text: string, width: number) => {
  const max = Math.max(4, Math.floor(width / 7));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

/** One row per inbound address: Public IPs (not outbound), internal frontends, Services still pending. */
export function inboundRows(x: Explanation, mask: (s: string) => string): DiagramRow[] {
  const rows: DiagramRow[] = [];
  const ruleText = (svcKeys: string[]) => {
    const rules = x.services.filter((s) => svcKeys.includes(`${s.namespace}/${s.name}`)).flatMap((s) => s.rules);
    return rules.map((r) => `${r.protocol.toUpperCase()} ${r.frontendPort}`).join(', ');
  };
  for (const p of x.publicIps) {
    if (p.role === 'outbound') continue;
    rows.push({
      key: `pip:${p.name}`,
      kind: 'pip',
      role: p.role,
      title: mask(p.name),
      sub: p.ipAddress,
      frontend: p.frontend,
      lb: p.loadBalancer,
      rules: ruleText(p.services),
      services: p.services,
    });
  }
  for (const s of x.services) {
    const key = `${s.namespace}/${s.name}`;
    if (s.internal && s.state === 'has-ip')
      rows.push({
        key: `svc:${key}`,
        kind: 'private',
        title: s.externalIp ?? '',
        frontend: s.frontend,
        lb: s.loadBalancer ?? 'kubernetes-internal',
        rules: ruleText([key]),
        services: [key],
      });
    else if (s.state !== 'has-ip') rows.push({ key: `svc:${key}`, kind: 'pending', title: '<pending>', rules: '', services: [key] });
    else if (!s.publicIp && !x.publicIps.some((p) => p.services.includes(key))) {
      rows.push({
        key: `svc:${key}`,
        kind: 'pip',
        role: 'unknown',
        title: s.externalIp ?? '',
        frontend: s.frontend,
        lb: s.loadBalancer,
        rules: ruleText([key]),
        services: [key],
      });
    }
  }
  return rows;
}

function Box({ x, y, w, title, sub, cls, full }: { x: number; y: number; w: number; title: string; sub?: string; cls: string; full?: string }) {
  return (
    <g class={`ex-box ${cls}`}>
      <title>{full ?? [title, sub].filter(Boolean).join(' — ')}</title>
      <rect x={x} y={y} width={w} height={BOX_H} rx={6} />
      <text x={x + 8} y={y + (sub ? 19 : 28)}>
        {fit(title, w - 12)}
      </text>
      {sub && (
        <text x={x + 8} y={y + 36} class="ex-sub">
          {fit(sub, w - 12)}
        </text>
      )}
    </g>
  );
}

function Arrow({ x1, y1, x2, y2, dashed }: { x1: number; y1: number; x2: number; y2: number; dashed?: boolean }) {
  const mx = (x1 + x2) / 2;
  return <path class={`ex-edge${dashed ? ' ex-edge-dashed' : ''}`} d={`M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`} marker-end="url(#ex-arrow)" />;
}

export function Diagram({ x, t, mask }: { x: Explanation; t: UiStrings; mask: (s: string) => string }) {
  const all = inboundRows(x, mask);
  const rows = all.slice(0, MAX_ROWS);
  const outIps = x.publicIps.filter((p) => p.role === 'outbound');
  const rowY = (i: number) => 34 + i * (BOX_H + GAP);
  const moreY = rowY(rows.length) + 4;
  const outTop = moreY + (all.length > rows.length ? 30 : 6) + 20;
  const outRows = Math.max(outIps.length, 1);
  const height = (outIps.length || x.outbound ? outTop + 24 + outRows * (BOX_H + GAP) : outTop) + 6;
  const internetY = rows.length ? rowY(0) : 34;
  const mid = (y: number) => y + BOX_H / 2;
  return (
    <svg viewBox={`0 0 ${W} ${height}`} class="ex-svg" role="img" aria-label={t.diagramLabel}>
      <defs>
        <marker id="ex-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" class="ex-arrowhead" />
        </marker>
      </defs>
      <text x={COL.internet} y={20} class="ex-col">
        {t.internet}
      </text>
      <text x={COL.pip} y={20} class="ex-col">
        {t.publicIps}
      </text>
      <text x={COL.frontend} y={20} class="ex-col">
        {t.frontends}
      </text>
      <text x={COL.rules} y={20} class="ex-col">
        {t.rules}
      </text>
      <text x={COL.service} y={20} class="ex-col">
        {t.services}
      </text>
      {rows.length > 0 && <Box x={COL.internet} y={internetY} w={WIDTH.internet} title={t.internet} cls="ex-internet" />}
      {rows.map((r, i) => {
        const y = rowY(i);
        const svc = r.services.length ? `${r.services[0]}${r.services.length > 1 ? ` +${r.services.length - 1}` : ''}` : '—';
        const roleCls = r.kind === 'pip' ? `ex-pip ex-role-${r.role}` : r.kind === 'private' ? 'ex-private' : 'ex-pending';
        return (
          <g key={r.key} data-row={r.key}>
            {r.kind === 'pip' && <Arrow x1={COL.internet + WIDTH.internet} y1={mid(internetY)} x2={COL.pip} y2={mid(y)} dashed={r.role === 'orphan'} />}
            <Box
              x={COL.pip}
              y={y}
              w={WIDTH.pip}
              title={r.title}
              sub={r.kind === 'pip' ? `${r.sub ?? ''}${r.role ? ` · ${t.role[r.role] ?? r.role}` : ''}` : r.kind === 'private' ? t.privateIp : undefined}
              cls={roleCls}
            />
            {r.frontend && (
              <>
                <Arrow x1={COL.pip + WIDTH.pip} y1={mid(y)} x2={COL.frontend} y2={mid(y)} />
                <Box x={COL.frontend} y={y} w={WIDTH.frontend} title={r.frontend} sub={r.lb} cls="ex-frontend" />
              </>
            )}
            {r.frontend && r.rules && (
              <>
                <Arrow x1={COL.frontend + WIDTH.frontend} y1={mid(y)} x2={COL.rules} y2={mid(y)} />
                <Box x={COL.rules} y={y} w={WIDTH.rules} title={r.rules} cls="ex-rule" />
              </>
            )}
            {r.services.length > 0 && (
              <>
                {r.frontend && r.rules ? (
                  <Arrow x1={COL.rules + WIDTH.rules} y1={mid(y)} x2={COL.service} y2={mid(y)} />
                ) : (
                  <Arrow x1={COL.pip + WIDTH.pip} y1={mid(y)} x2={COL.service} y2={mid(y)} dashed />
                )}
                <Box
                  x={COL.service}
                  y={y}
                  w={WIDTH.service}
                  title={svc}
                  full={r.services.join(', ')}
                  cls={r.role === 'orphan' ? 'ex-service ex-gone' : 'ex-service'}
                />
              </>
            )}
          </g>
        );
      })}
      {all.length > rows.length && (
        <text x={COL.pip} y={moreY + 14} class="ex-sub">
          {t.more(all.length - rows.length)}
        </text>
      )}
      {(outIps.length > 0 || x.outbound) && (
        <g data-row="outbound">
          <text x={COL.internet} y={outTop} class="ex-col">
            {t.outbound}
          </text>
          <Box
            x={COL.service}
            y={outTop + 14}
            w={WIDTH.service}
            title={t.nodes}
            sub={x.cluster.nodeCount ? `${x.cluster.nodeCount}` : undefined}
            cls="ex-service"
          />
          <Arrow x1={COL.service} y1={mid(outTop + 14)} x2={COL.rules + WIDTH.rules} y2={mid(outTop + 14)} />
          <Box x={COL.rules} y={outTop + 14} w={WIDTH.rules} title={x.outbound?.rule ?? 'aksOutboundRule'} sub={x.outbound?.loadBalancer} cls="ex-rule" />
          {(outIps.length ? outIps : [undefined]).map((p, i) => {
            const y = outTop + 14 + i * (BOX_H + GAP);
            return (
              <g key={p?.name ?? 'none'}>
                {p?.frontend && (
                  <>
                    <Arrow x1={COL.rules} y1={mid(outTop + 14)} x2={COL.frontend + WIDTH.frontend} y2={mid(y)} />
                    <Box x={COL.frontend} y={y} w={WIDTH.frontend} title={p.frontend} sub={p.loadBalancer} cls="ex-frontend" />
                  </>
                )}
                {p && (
                  <>
                    <Arrow x1={p.frontend ? COL.frontend : COL.rules} y1={mid(p.frontend ? y : outTop + 14)} x2={COL.pip + WIDTH.pip} y2={mid(y)} />
                    <Box x={COL.pip} y={y} w={WIDTH.pip} title={p.name} sub={`${p.ipAddress ?? ''} · ${t.role.outbound}`} cls="ex-pip ex-role-outbound" />
                    <Arrow x1={COL.pip} y1={mid(y)} x2={COL.internet + WIDTH.internet} y2={mid(outTop + 14)} />
                  </>
                )}
              </g>
            );
          })}
          <Box x={COL.internet} y={outTop + 14} w={WIDTH.internet} title={t.internet} cls="ex-internet" />
        </g>
      )}
    </svg>
  );
}
