/** Progress bits every lesson page and the home page share: the storage notice. */
import { dismissNotice } from './actions';
import { progressStore } from './store';

/**
 * Shows the notice left by loading saved progress (corrupt, future or partly damaged data).
 * The element carries the texts; the store only says which one.
 */
export function showStorageNotice(el: HTMLElement | null): void {
  if (!el) return;
  const store = progressStore();
  const texts = JSON.parse(el.dataset.texts ?? '{}') as Record<string, string>;
  const render = () => {
    const n = store.getState().notice;
    el.hidden = !n;
    el.querySelector('.progress-notice-text')!.textContent = n ? (texts[n] ?? '') : '';
  };
  el.querySelector('button')?.addEventListener('click', () => dismissNotice(store));
  store.subscribe(render);
  render();
}
