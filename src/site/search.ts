/**
 * Lesson search on top of Pagefind's JS API. The index is built next to the site at build time and
 * loaded only when the learner opens search, so pages pay nothing for it until then.
 */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResult {
  data(): Promise<{ url: string; meta: { title?: string }; excerpt: string; sub_results?: PagefindSubResult[] }>;
}

/** Sections of a page to offer under its title (Pagefind's sub-results with an anchor). */
const SECTIONS_PER_PAGE = 3;
interface Pagefind {
  init?(): Promise<void>;
  debouncedSearch(q: string, opts?: object, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

let pagefind: Promise<Pagefind> | null = null;

function loadPagefind(): Promise<Pagefind> {
  // The path is only known once the site is built, so Vite must not try to resolve it.
  const path = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ path) as Promise<Pagefind>).then(async (pf) => {
    await pf.init?.();
    return pf;
  });
  return pagefind;
}

/** Pagefind excerpts are escaped text with <mark> around hits; rebuild them as DOM, never as HTML. */
function renderExcerpt(excerpt: string, into: HTMLElement): void {
  const parts = excerpt.split(/(<mark>|<\/mark>)/);
  let marking = false;
  const decoder = document.createElement('textarea');
  for (const part of parts) {
    if (part === '<mark>') marking = true;
    else if (part === '</mark>') marking = false;
    else if (part) {
      decoder.innerHTML = part;
      const text = document.createTextNode(decoder.value);
      if (marking) {
        const mark = document.createElement('mark');
        mark.append(text);
        into.append(mark);
      } else into.append(text);
    }
  }
}

export function mountSearch(): void {
  const dialog = document.querySelector<HTMLDialogElement>('.search-dialog');
  const opener = document.querySelector<HTMLButtonElement>('.search-open');
  if (!dialog || !opener) return;
  const input = dialog.querySelector<HTMLInputElement>('.search-input')!;
  const status = dialog.querySelector<HTMLElement>('.search-status')!;
  const list = dialog.querySelector<HTMLOListElement>('.search-results')!;
  const text = dialog.dataset;

  const open = () => {
    dialog.showModal();
    input.focus();
    input.select();
    loadPagefind().catch(() => (status.textContent = text.unavailable ?? ''));
  };
  opener.addEventListener('click', open);
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, [contenteditable="true"], .monaco-editor, .xterm');
    if (e.key === '/' && !typing && !dialog.open) {
      e.preventDefault();
      open();
    }
  });

  let generation = 0;
  input.addEventListener('input', async () => {
    const query = input.value.trim();
    const mine = ++generation;
    list.replaceChildren();
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = text.loading ?? '';
    let pf: Pagefind;
    try {
      pf = await loadPagefind();
    } catch {
      status.textContent = text.unavailable ?? '';
      return;
    }
    const found = await pf.debouncedSearch(query, {}, 150);
    if (found === null || mine !== generation) return; // superseded by a newer keystroke
    const data = await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
    if (mine !== generation) return;
    status.textContent =
      data.length === 0
        ? (text.noResults ?? '').replace('%s', query)
        : data.length === 1
          ? (text.countOne ?? '')
          : (text.countMany ?? '').replace('99', String(data.length));
    for (const item of data) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.meta.title ?? item.url;
      // A lesson is long: the sections where the words were found, each linking to its heading.
      const sections = (item.sub_results ?? []).filter((r) => r.url.includes('#')).slice(0, SECTIONS_PER_PAGE);
      const p = document.createElement('p');
      renderExcerpt(sections[0]?.excerpt ?? item.excerpt, p);
      li.append(a, p);
      if (sections.length > 0) {
        const ul = document.createElement('ul');
        ul.className = 'search-sections';
        for (const section of sections) {
          const sli = document.createElement('li');
          const sa = document.createElement('a');
          sa.href = section.url;
          sa.textContent = section.title;
          sli.append(sa);
          ul.append(sli);
        }
        li.append(ul);
      }
      list.append(li);
    }
  });
}
