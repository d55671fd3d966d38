import { onStorageProblem, type StorageProblem, siteStorage } from './storage';

/**
 * Fills the page's storage notice the first time storage fails in this page load, whatever failed
 * (progress, lab draft, theme), and never again after that or after the learner dismisses it.
 * The container is a polite live region that is always in the page, so adding the text is announced.
 */
export function mountStorageNotice(): void {
  const live = document.querySelector<HTMLElement>('.storage-notice');
  if (!live) return;
  const texts = JSON.parse(live.dataset.texts ?? '{}') as Partial<Record<StorageProblem, string>>;
  onStorageProblem((problem) => {
    const box = document.createElement('div');
    box.className = 'storage-notice-box';
    const text = document.createElement('p');
    text.textContent = texts[problem] ?? '';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'button';
    close.textContent = live.dataset.dismiss ?? '';
    close.addEventListener('click', () => {
      box.remove();
      // The button is gone: give focus a sensible place instead of letting it fall to <body>.
      const main = document.getElementById('main');
      if (main) {
        if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
        main.focus({ preventScroll: true });
      }
    });
    box.append(text, close);
    live.append(box);
  });
  // Blocked storage is known without writing anything: say so now, not at the first save.
  siteStorage();
}
