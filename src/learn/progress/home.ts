/**
 * The course progress view on the home page: per-lesson badges in the outline, "continue where
 * you left off", export, import and reset. The page renders the lessons; this fills in the rest.
 */

import { quizScore, replaceProgress, resetProgress } from './actions';
import { continueTarget } from './continue';
import { progressStore } from './store';
import { exportProgress, type ImportError, importProgress, MAX_FILE_BYTES } from './transfer';

interface HomeText {
  read: string;
  notRead: string;
  /** "{right}" / "{total}" and "{done}" / "{total}" are replaced. */
  quiz: string;
  exercises: string;
  summary: string;
  continueLabel: string;
  resetConfirm: string;
  resetDone: string;
  imported: string;
  exported: string;
  importErrors: Record<ImportError, string>;
}

const fill = (s: string, v: Record<string, number | string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

export function initHome(panel: HTMLElement): void {
  const store = progressStore();
  const text = JSON.parse(panel.dataset.text ?? '{}') as HomeText;
  const status = panel.querySelector<HTMLElement>('.progress-status')!;
  const cont = panel.querySelector<HTMLAnchorElement>('.progress-continue')!;
  const items = [...document.querySelectorAll<HTMLElement>('[data-progress-lesson]')];

  const render = () => {
    const { lessons, last } = store.getState();
    let read = 0;
    for (const item of items) {
      const slug = item.dataset.progressLesson!;
      const l = lessons[slug];
      if (l?.read) read++;
      const parts = [l?.read ? `✓ ${text.read}` : text.notRead];
      const q = quizScore(l);
      const qTotal = Number(item.dataset.quizTotal ?? 0);
      if (qTotal > 0 && q && q.answered > 0) parts.push(fill(text.quiz, { right: q.right, total: qTotal }));
      const eTotal = Number(item.dataset.exerciseTotal ?? 0);
      if (eTotal > 0) parts.push(fill(text.exercises, { done: Object.values(l?.exercises ?? {}).filter(Boolean).length, total: eTotal }));
      item.textContent = parts.join(' · ');
      item.dataset.read = l?.read ? 'true' : 'false';
    }
    panel.querySelector('.progress-summary')!.textContent = fill(text.summary, { read, total: items.length });
    // Only lessons this page lists: a slug from an old or imported file may no longer exist.
    const slug = continueTarget(
      items.map((i) => i.dataset.progressLesson!),
      lessons,
      last,
    );
    const target = items.find((i) => i.dataset.progressLesson === slug);
    cont.hidden = !target;
    if (target) {
      cont.href = target.dataset.url ?? '#';
      cont.textContent = `${text.continueLabel}: ${target.dataset.title ?? ''}`;
    }
  };

  panel.querySelector('.progress-export')!.addEventListener('click', () => {
    const { lessons, last } = store.getState();
    const blob = new Blob([exportProgress({ lessons, ...(last ? { last } : {}) })], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `external-ip-lab-progress-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    status.textContent = text.exported;
  });

  const file = panel.querySelector<HTMLInputElement>('.progress-file')!;
  panel.querySelector('.progress-import')!.addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    // Check the size before reading, so a huge file is never loaded into memory.
    const result = f.size > MAX_FILE_BYTES ? ({ ok: false, error: 'too-big' } as const) : importProgress(await f.text(), f.size);
    if (result.ok) replaceProgress(result.data, store);
    status.textContent = result.ok ? text.imported : text.importErrors[result.error];
    status.dataset.kind = result.ok ? 'ok' : 'error';
  });

  panel.querySelector('.progress-reset')!.addEventListener('click', () => {
    if (!window.confirm(text.resetConfirm)) return;
    resetProgress(store);
    status.textContent = text.resetDone;
    status.dataset.kind = 'ok';
  });

  store.subscribe(render);
  render();
  panel.hidden = false;
}
