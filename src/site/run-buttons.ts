/**
 * "Run in terminal" on every shell code block of a page that has a lab: the click starts the lab
 * if needed, then types the block into the lab's terminal as if the learner had.
 */
type Runner = (line: string) => void;

export function addRunButtons(label: string, startLab: () => Promise<Runner>): void {
  const blocks = document.querySelectorAll<HTMLPreElement>('article pre[data-language="sh"], article pre[data-language="bash"]');
  for (const pre of blocks) {
    const command = pre.innerText.replace(/\n+$/, '');
    if (!command.trim()) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button run-in-terminal';
    button.textContent = label;
    button.setAttribute('aria-label', `${label}: ${command.split('\n')[0]}`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const run = await startLab();
        run(command);
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
