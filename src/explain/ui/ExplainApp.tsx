/**
 * The explain page's island: commands to run, paste boxes (each recognised by shape), and the
 * answer as findings, a diagram with its table twin, and a lab link built only on request.
 * Everything runs here in the browser; the text pasted never leaves it.
 */
import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { render } from '../i18n';
import { type Explanation, explain, type Locale, labSetup, lessonHref } from '../index';
import { Diagram } from './Diagram';
import { type UiStrings, uiStrings } from './strings';

export interface ExplainProps {
  locale: Locale;
  /** Lesson titles by slug, for the finding links. */
  lessons: Record<string, string>;
}

const STORE_KEY = 'eil:explain:boxes';
const SUB_ID = /\/subscriptions\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;
const MASKED = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx';
const MAX_LIST = 60;

/** Session storage only: the text stays in this tab (and survives a reload), never on disk for long. */
function loadBoxes(): string[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(STORE_KEY) ?? 'null');
    if (Array.isArray(v) && v.every((x) => typeof x === 'string') && v.length) return v.length < 3 ? [...v, ...Array(3 - v.length).fill('')] : v;
  } catch {
    /* unreadable: start empty */
  }
  return ['', '', ''];
}

function saveBoxes(boxes: string[]): void {
  try {
    if (boxes.every((b) => !b)) sessionStorage.removeItem(STORE_KEY);
    else sessionStorage.setItem(STORE_KEY, JSON.stringify(boxes));
  } catch {
    /* too large or blocked: the boxes still hold the text */
  }
}

function maskWith(ids: string[], on: boolean): (s: string) => string {
  if (!on) return (s) => s;
  return (s) => {
    let out = s.replace(SUB_ID, `/subscriptions/${MASKED}`);
    for (const id of ids) if (id.length >= 8) out = out.split(id).join(MASKED);
    return out;
  };
}

function CopyButton({ text, t }: { text: string; t: UiStrings }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone(true);
      setTimeout(() => setDone(false), 1500);
    } catch {
      setDone(false);
    }
  };
  return (
    <button type="button" class="button ex-copy" onClick={copy} aria-label={t.copyCommand(text)}>
      {done ? t.copied : t.copy}
    </button>
  );
}

function Commands({
  t,
  x,
  names,
  setNames,
}: {
  t: UiStrings;
  x: Explanation;
  names: { rg: string; cluster: string };
  setNames: (n: { rg: string; cluster: string }) => void;
}) {
  const rg = names.rg.trim() || x.cluster.resourceGroup || '<resource-group>';
  const cluster = names.cluster.trim() || x.cluster.name || '<cluster>';
  const nodeRg = x.cluster.nodeResourceGroup ?? '<node-resource-group>';
  const list = [
    `az aks show -g ${rg} -n ${cluster} --query nodeResourceGroup -o tsv`,
    'kubectl get svc -A -o json',
    `az network public-ip list -g ${nodeRg} -o json`,
    `az network lb show -g ${nodeRg} -n kubernetes -o json`,
    `az network lb show -g ${nodeRg} -n kubernetes-internal -o json`,
    `az aks show -g ${rg} -n ${cluster} -o json`,
    `az network nsg list -g ${nodeRg} -o json`,
    'kubectl get events -A -o json',
  ];
  return (
    <section class="ex-commands" aria-labelledby="ex-commands-title">
      <h2 id="ex-commands-title">{t.commandsTitle}</h2>
      <p>{t.commandsIntro}</p>
      <div class="ex-names">
        <label>
          {t.resourceGroup}
          <input
            type="text"
            value={names.rg}
            placeholder="myResourceGroup"
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => setNames({ ...names, rg: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t.clusterName}
          <input
            type="text"
            value={names.cluster}
            placeholder="myAKSCluster"
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => setNames({ ...names, cluster: (e.target as HTMLInputElement).value })}
          />
        </label>
      </div>
      <ol class="ex-command-list">
        {list.map((c, i) => (
          <li key={i}>
            {/* Tokens never break inside (a line break after the hyphen of "-o" misleads). */}
            <code>
              {c.split(' ').map((w, j) => (
                <Fragment key={j}>
                  {j > 0 && ' '}
                  <span class="ex-token">{w}</span>
                </Fragment>
              ))}
            </code>
            {i >= 4 && <span class="ex-optional"> ({t.optional})</span>}
            <CopyButton text={c} t={t} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function PasteBox({ i, text, set, status, t }: { i: number; text: string; set: (v: string) => void; status?: Explanation['inputs'][number]; t: UiStrings }) {
  const id = `ex-box-${i}`;
  const [over, setOver] = useState(false);
  const readFile = async (file: File | undefined) => {
    if (file) set(await file.text());
  };
  const cls = !text.trim() ? '' : status?.ok ? 'ex-ok' : 'ex-bad';
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is a shortcut; the textarea inside is the keyboard path.
    <div
      class={`ex-paste ${cls}${over ? ' ex-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void readFile(e.dataTransfer?.files?.[0]);
      }}
    >
      <div class="ex-paste-head">
        <label for={id}>{t.box(i + 1)}</label>
        <span class="ex-paste-tools">
          <label class="button ex-file">
            {t.openFile}
            <input
              type="file"
              class="visually-hidden"
              aria-label={t.openFileFor(i + 1)}
              accept=".json,.txt,application/json,text/plain"
              onChange={(e) => void readFile((e.target as HTMLInputElement).files?.[0])}
            />
          </label>
          <button type="button" class="button" onClick={() => set('')} disabled={!text} aria-label={t.clearBox(i + 1)}>
            {t.clear}
          </button>
        </span>
      </div>
      <textarea
        id={id}
        value={text}
        rows={6}
        wrap="off"
        spellcheck={false}
        autocomplete="off"
        placeholder={t.emptyBox}
        aria-describedby={`${id}-status`}
        onInput={(e) => set((e.target as HTMLTextAreaElement).value)}
      />
      <div id={`${id}-status`} class="ex-status" role="status">
        {text.trim() && status && (
          <>
            <p>{status.message}</p>
            {status.notes.map((n) => (
              <p key={n.code} class="ex-note">
                {n.text}
              </p>
            ))}
          </>
        )}
      </div>
    </div>
  );
}

function Findings({
  x,
  t,
  locale,
  lessons,
  mask,
}: {
  x: Explanation;
  t: UiStrings;
  locale: Locale;
  lessons: Record<string, string>;
  mask: (s: string) => string;
}) {
  const list = x.findings.slice(0, MAX_LIST);
  return (
    <section aria-labelledby="ex-findings-title">
      <h3 id="ex-findings-title">{t.findingsTitle}</h3>
      <ul class="ex-findings">
        {list.map((f, i) => {
          const href = lessonHref(f.section, locale);
          return (
            <li key={i} class={`ex-finding ex-${f.severity}`} data-code={f.code}>
              <span class="ex-badge">{t.severity[f.severity]}</span>
              <span class="ex-msg">{mask(f.message)}</span>
              {href && f.lesson && (
                <a class="ex-lesson" href={href}>
                  {t.readLesson(lessons[f.lesson] ?? f.lesson)}
                </a>
              )}
            </li>
          );
        })}
      </ul>
      {x.findings.length > list.length && <p class="ex-note">{t.more(x.findings.length - list.length)}</p>}
    </section>
  );
}

function Tables({ x, t, mask }: { x: Explanation; t: UiStrings; mask: (s: string) => string }) {
  const ips = x.publicIps.slice(0, 500);
  const svcs = x.services.slice(0, 500);
  return (
    <section aria-labelledby="ex-tables-title">
      <h3 id="ex-tables-title">{t.tablesTitle}</h3>
      {ips.length > 0 && (
        <div class="table-wrap" tabindex={0} role="region" aria-labelledby="ex-ip-caption">
          <table class="ex-table">
            <caption id="ex-ip-caption">{t.ipTable}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colName}</th>
                <th scope="col">{t.colAddress}</th>
                <th scope="col">{t.colRole}</th>
                <th scope="col">{t.colService}</th>
                <th scope="col">{t.colFrontend}</th>
                <th scope="col">{t.colWhy}</th>
              </tr>
            </thead>
            <tbody>
              {ips.map((p) => (
                <tr key={p.name} data-role={p.role}>
                  <th scope="row" class="ex-id">
                    {p.name}
                  </th>
                  <td class="ex-nowrap">{p.ipAddress ?? '—'}</td>
                  <td class="ex-nowrap">{t.role[p.role]}</td>
                  <td class="ex-id">{p.services.join(', ') || '—'}</td>
                  <td class="ex-id">{p.frontend ? `${p.frontend} (${p.loadBalancer ?? '?'})` : '—'}</td>
                  <td>
                    <ul class="ex-evidence">
                      {p.evidence.map((e, i) => (
                        <li key={i}>{mask(e.text)}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {svcs.length > 0 && (
        <div class="table-wrap" tabindex={0} role="region" aria-labelledby="ex-svc-caption">
          <table class="ex-table">
            <caption id="ex-svc-caption">{t.svcTable}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colService}</th>
                <th scope="col">{t.colInternal}</th>
                <th scope="col">{t.colExternal}</th>
                <th scope="col">{t.colPublicIp}</th>
                <th scope="col">{t.colFrontend}</th>
                <th scope="col">{t.colRules}</th>
                <th scope="col">{t.colState}</th>
              </tr>
            </thead>
            <tbody>
              {svcs.map((s) => (
                <tr key={`${s.namespace}/${s.name}`} data-state={s.state}>
                  <th scope="row" class="ex-id">{`${s.namespace}/${s.name}`}</th>
                  <td class="ex-nowrap">{s.internal ? t.internal : t.public}</td>
                  <td class="ex-nowrap">{s.externalIp ?? '<pending>'}</td>
                  <td class="ex-id">{s.publicIp ?? '—'}</td>
                  <td class="ex-id">{s.frontend ? `${s.frontend} (${s.loadBalancer ?? '?'})` : '—'}</td>
                  <td class="ex-id">{s.rules.map((r) => r.name).join(', ') || '—'}</td>
                  <td>{s.pending ? `${t.state[s.state]}: ${s.pending.text}` : t.state[s.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LabLink({ x, t, locale, pending }: { x: Explanation; t: UiStrings; locale: Locale; pending: boolean }) {
  const [link, setLink] = useState<{ href: string; setup: ReturnType<typeof labSetup> } | null>(null);
  const [error, setError] = useState('');
  const current = useRef(x);
  // A new paste makes an old link stale: it has to be asked for again.
  useEffect(() => {
    current.current = x;
    setLink(null);
    setError('');
  }, [x]);
  if (!x.services.length) return <p class="ex-note">{t.labNoServices}</p>;
  const prepare = async () => {
    const from = x;
    const setup = labSetup(from);
    const { encodeLab, LIMITS } = await import('../../learn/share/codec');
    const encoded = await encodeLab({ v: 1, lab: 'sandbox', options: setup.options, log: setup.log });
    // A paste that settled while the link was being encoded would make this one describe old text.
    if (current.current !== from) return;
    if (encoded.length > LIMITS.encoded) {
      setError(t.labTooBig);
      return;
    }
    setLink({ href: `/${locale}/sandbox/#lab=${encoded}`, setup });
  };
  return (
    <div class="ex-lab">
      {!link && (
        // Until the last paste is explained (a fraction of a second), a link would carry the text before it.
        <button type="button" class="button" disabled={pending} onClick={() => void prepare()}>
          {t.labPrepare}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
      {link && (
        <div class="ex-lab-ready">
          <p>{t.labCarries}</p>
          <ul>
            <li>{t.labOptions(link.setup.options)}</li>
            {link.setup.notes.map((n, i) => (
              <li key={i}>{render(n.code, n.params, locale)}</li>
            ))}
          </ul>
          <details>
            <summary>{t.labCommands(link.setup.log.length)}</summary>
            <pre class="ex-lab-log">{link.setup.log.map((e) => (e.stdin ? `${e.line} <<'EOF'\n${e.stdin}EOF` : e.line)).join('\n')}</pre>
          </details>
          <a class="button button-primary" href={link.href}>
            {t.labOpen}
          </a>
        </div>
      )}
    </div>
  );
}

export function ExplainApp({ locale, lessons }: ExplainProps) {
  const t = uiStrings(locale);
  const [boxes, setBoxes] = useState<string[]>(loadBoxes);
  const [settled, setSettled] = useState<string[]>(boxes);
  const [names, setNames] = useState({ rg: '', cluster: '' });
  const [masked, setMasked] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    saveBoxes(boxes);
    clearTimeout(timer.current);
    // Explaining megabytes on every keystroke would make typing lag: wait until the paste settles.
    const size = boxes.reduce((n, b) => n + b.length, 0);
    timer.current = setTimeout(() => setSettled(boxes), size > 200_000 ? 300 : 120);
    return () => clearTimeout(timer.current);
  }, [boxes]);
  const x = useMemo(() => explain(settled, { locale }), [settled, locale]);
  const filled = settled.map((b, i) => ({ b, i })).filter(({ b }) => b.trim());
  const mask = maskWith(x.cluster.subscriptionIds, masked);
  const setBox = (i: number) => (v: string) => setBoxes((old) => old.map((b, j) => (j === i ? v : b)));
  const ok = filled.filter(({ i }) => x.inputs[i]?.ok).length;
  const hasAnswer = x.publicIps.length > 0 || x.services.length > 0;
  return (
    <div class="ex-app">
      <Commands t={t} x={x} names={names} setNames={setNames} />
      <section class="ex-pastes" aria-labelledby="ex-pastes-title">
        <h2 id="ex-pastes-title">{t.pasteTitle}</h2>
        <p>{t.pasteIntro}</p>
        <div class="ex-paste-grid">
          {boxes.map((b, i) => (
            <PasteBox key={i} i={i} text={b} set={setBox(i)} status={x.inputs[i]} t={t} />
          ))}
        </div>
        <button type="button" class="button" onClick={() => setBoxes((old) => [...old, ''])}>
          {t.addBox}
        </button>
        {filled.length > 0 && <p class="ex-note">{t.inputs(ok, filled.length)}</p>}
      </section>
      <section class="ex-answer" aria-labelledby="ex-answer-title">
        <h2 id="ex-answer-title">{t.answerTitle}</h2>
        {!hasAnswer && <p>{t.nothingYet}</p>}
        {hasAnswer && (
          <>
            <div class="ex-toolbar">
              <label class="ex-switch">
                {/* biome-ignore lint/a11y/useAriaPropsForRole: a native checkbox exposes its checked state; ARIA in HTML forbids aria-checked on it. */}
                <input type="checkbox" role="switch" checked={masked} onChange={(e) => setMasked((e.target as HTMLInputElement).checked)} />
                {t.mask}
              </label>
            </div>
            <dl class="ex-cluster">
              {x.cluster.subscriptionIds.length > 0 && (
                <div>
                  <dt>{t.subscription}</dt>
                  <dd class="ex-sub-id">{x.cluster.subscriptionIds.map((s) => (masked ? MASKED : s)).join(', ')}</dd>
                </div>
              )}
              {x.cluster.nodeResourceGroup && (
                <div>
                  <dt>{t.nodeResourceGroup}</dt>
                  <dd>{x.cluster.nodeResourceGroup}</dd>
                </div>
              )}
              {x.cluster.nodeCount !== undefined && (
                <div>
                  <dt>{t.nodeCount}</dt>
                  <dd>{x.cluster.nodeCount}</dd>
                </div>
              )}
              {(x.cluster.managedOutboundIPCount ?? x.outbound?.publicIps.length) !== undefined && (
                <div>
                  <dt>{t.outboundIps}</dt>
                  <dd>{x.cluster.managedOutboundIPCount ?? x.outbound?.publicIps.length}</dd>
                </div>
              )}
              {x.cluster.kubernetesVersion && (
                <div>
                  <dt>{t.k8s}</dt>
                  <dd>{x.cluster.kubernetesVersion}</dd>
                </div>
              )}
            </dl>
            {x.missing.length > 0 && (
              <p class="ex-missing">
                {t.stillMissing} {x.missing.map((m) => t.missing[m] ?? m).join(', ')}
              </p>
            )}
            <Findings x={x} t={t} locale={locale} lessons={lessons} mask={mask} />
            <section aria-labelledby="ex-diagram-title">
              <h3 id="ex-diagram-title">{t.diagramTitle}</h3>
              <div class="ex-diagram" tabindex={0} role="region" aria-labelledby="ex-diagram-title">
                <Diagram x={x} t={t} mask={mask} />
              </div>
            </section>
            <Tables x={x} t={t} mask={mask} />
            <section aria-labelledby="ex-lab-title">
              <h3 id="ex-lab-title">{t.labTitle}</h3>
              <p>{t.labIntro}</p>
              <LabLink x={x} t={t} locale={locale} pending={boxes !== settled} />
            </section>
          </>
        )}
      </section>
    </div>
  );
}
