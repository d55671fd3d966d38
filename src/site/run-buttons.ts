/**
 * "Run in terminal" on every shell code block of a page that has a lab: the click starts the lab
 * if needed, then types the block into the lab's terminal as if the learner had.
 */
/** `cloud`: a multi-cloud lab shows that cloud's tab first (the block's `data-cloud`, fence meta `cloud=eks`). */
type Runner = (line: string, cloud?: string) => void;

let index = 0;

export function addRunButtons(label: string, startLab: () => Promise<Runner>): void {
  const blocks = document.querySelectorAll<HTMLPreElement>('article pre[data-language="sh"], article pre[data-language="bash"]');
  for (const pre of blocks) {
    const command = (pre.textContent ?? '').replace(/\n+$/, '');
    if (!command.trim()) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button run-in-terminal';
    button.textContent = label;
    // The name stays short (tests and screen readers look buttons up by it, and a command such as
    // `kubectl apply` must not make this one answer to "Apply"); the code block describes it.
    pre.id ||= `run-block-${index++}`;
    button.setAttribute('aria-describedby', pre.id);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const run = await startLab();
        run(command, pre.dataset.cloud);
      } finally {
        button.disabled = false;
      }
    });
    const wrap = document.createElement('div');
    wrap.className = 'run-block';
    pre.replaceWith(wrap);
    wrap.append(pre, button);
  }
}
