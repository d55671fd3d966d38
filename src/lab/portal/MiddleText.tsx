import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { splitForMiddle } from './middle';

/**
 * A long name shortened in the middle by CSS: the head is cut with an ellipsis, the tail always
 * shows. Both halves stay in the DOM (inline, so innerText and copy give the whole name); the full
 * value is the tooltip, and a focused cell (`.mid-cell:focus-within`) shows it unshortened.
 */
export function MiddleText({ value }: { value: string }) {
  const [head, tail] = splitForMiddle(value);
  if (!tail) return <span class="mid">{value}</span>;
  return (
    <span class="mid" title={value}>
      <span class="mid-head">{head}</span>
      <span class="mid-tail">{tail}</span>
    </span>
  );
}

/** A link-styled button whose label is a long name: named by the whole name, shown shortened. */
export function NameButton({ value, onClick, children }: { value: string; onClick(): void; children?: ComponentChildren }) {
  const split = splitForMiddle(value)[1] !== '';
  return (
    <button type="button" class="link-button" aria-label={split ? value : undefined} onClick={onClick}>
      <MiddleText value={value} />
      {children}
    </button>
  );
}

/**
 * Copies a value to the clipboard. In table cells it shows while the cell is hovered or holds focus
 * (`visibility`, so rows do not jump and hidden buttons stay out of the accessibility tree).
 */
export function CopyButton({ value, label, copied }: { value: string; label: string; copied: string }) {
  const [done, setDone] = useState(false);
  return (
    <>
      <button
        type="button"
        class="copy-button"
        aria-label={`${label}: ${value}`}
        title={done ? copied : label}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setDone(true);
            setTimeout(() => setDone(false), 1500);
          } catch {
            // No clipboard permission: select the text so Ctrl+C works.
            const text = document.activeElement?.closest('.mid-cell')?.querySelector('.mid');
            if (text) getSelection()?.selectAllChildren(text);
          }
        }}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          {done ? <path d="M3 8.5l3 3 7-7" /> : <path d="M5.5 5.5h7v8h-7zM3.5 10.5v-8h7" />}
        </svg>
      </button>
      <span class="visually-hidden" role="status">
        {done ? copied : ''}
      </span>
    </>
  );
}
