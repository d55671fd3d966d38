/**
 * "Run in terminal" on every shell code block of a lesson: the click starts the lab if needed,
 * then types the block into the lab's terminal as if the learner had. The buttons are in the
 * page's HTML (`wrapRunBlocks`, LessonLayout), hidden until this binds them: wrapping the blocks
 * here moved every code block's nodes at load, a long task on a phone (issue 18).
 */
/** `cloud`: a multi-cloud lab shows that cloud's tab first (the block's `data-cloud`, fence meta `cloud=eks`). */
type Runner = (line: string, cloud?: string) => void;

export function bindRunButtons(startLab: () => Promise<Runner>): void {
  document.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('article button.run-in-terminal') : null;
    const pre = button && document.getElementById(button.getAttribute('aria-describedby') ?? '');
    if (!button || !pre || button.disabled) return;
    button.disabled = true;
    try {
      const run = await startLab();
      run((pre.textContent ?? '').replace(/\n+$/, ''), pre.dataset.cloud);
    } finally {
      button.disabled = false;
    }
  });
}
