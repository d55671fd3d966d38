import { useMemo, useState } from 'preact/hooks';
import { shortenMiddle } from '../portal/middle';
import type { LabStore } from '../store';
import type { LabSandbox, Locale } from '../types';
import { useLab } from '../use-store';
import { changeText, compactChange, feedStrings, type Segment } from './strings';
import { type ChangeBatch, changeTracker } from './tracker';
import './changes.css';

/** Names longer than this are shortened in the middle (the whole name is the entry's tooltip). */
const NAME_MAX = 20;
const COMMAND_MAX = 44;

function Phrase({ segments, max = NAME_MAX }: { segments: Segment[]; max?: number }) {
  return (
    <>
      {segments.map((s, i) =>
        typeof s === 'string' ? (
          s
        ) : (
          <code key={i} class="feed-name">
            {shortenMiddle(s.name, max)}
          </code>
        ),
      )}
    </>
  );
}

function Entries({ batch, locale, open }: { batch: ChangeBatch; locale: Locale; open(path: string[]): void }) {
  return (
    <ul class="feed-entries">
      {batch.changes.map((c) => (
        <li key={`${c.action}|${c.id}`} class={`feed-entry feed-${c.action}`}>
          <button type="button" class="link-button feed-link" title={changeText(c, locale)} onClick={() => open(c.path)}>
            <Phrase segments={compactChange(c, locale)} />
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * "What just happened": the Azure changes that followed the last command that changed the lab,
 * each a link to the portal blade that shows it. Hidden until the first such command.
 */
export function ChangeFeed({ store, sandbox, locale }: { store: LabStore; sandbox: LabSandbox; locale: Locale }) {
  // Created on mount, before any command, so the first Apply is seen.
  const tracker = useMemo(() => changeTracker(store, sandbox), [store, sandbox]);
  const world = useLab(store, (s) => s.worldVersion);
  const s = feedStrings(locale);
  const batches = useMemo(() => tracker.batches(), [tracker, world]);
  // The learner may fold the feed away to give the panes its lines; a new command unfolds it.
  const [folded, setFolded] = useState<string | null>(null);
  const latest = batches[0];
  if (!latest) return null;
  const batchKey = `${latest.at}|${latest.command}`;
  const isFolded = folded === batchKey;
  const earlier = batches.slice(1).filter((b) => b.changes.length > 0);
  const open = (path: string[]) => store.getState().openPortal(path);
  return (
    <section class="change-feed" aria-label={s.title}>
      <p class="feed-head">
        <span class="feed-title">{s.title}</span>{' '}
        <span class="feed-after" title={latest.command}>
          <Phrase segments={s.after({ name: latest.command })} max={COMMAND_MAX} />
        </span>{' '}
        <button type="button" class="feed-fold" aria-expanded={!isFolded} onClick={() => setFolded(isFolded ? null : batchKey)}>
          {isFolded ? s.show(latest.changes.length) : s.hide}
        </button>
      </p>
      {isFolded ? null : latest.changes.length > 0 ? <Entries batch={latest} locale={locale} open={open} /> : <p class="feed-none">{s.nothingYet}</p>}
      {!isFolded && earlier.length > 0 && (
        <details class="feed-earlier">
          <summary>{s.earlier(earlier.length)}</summary>
          {earlier.map((b) => (
            <div key={`${b.at}|${b.command}`} class="feed-batch">
              <p class="feed-after">
                <Phrase segments={s.after({ name: b.command })} max={COMMAND_MAX} />
              </p>
              <Entries batch={b} locale={locale} open={open} />
            </div>
          ))}
        </details>
      )}
      <p class="visually-hidden" aria-live="polite">
        {latest.changes.length > 0 ? s.announce(latest.changes.length, latest.command) : ''}
      </p>
    </section>
  );
}
