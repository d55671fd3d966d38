/**
 * The language switch on a lesson keeps the learner's place: the link gets the anchor of the same
 * section in the other language (sections correspond by order), and a running lab is handed on so
 * it starts there, rebuilt from its saved state (both languages share the lab's id).
 */
import { handOff } from './lab-resume';

/** The section being read: the last heading at or above the top of the viewport (below the sticky header). */
export function currentSection(headings: (HTMLElement | null)[], offset: number): number {
  let current = -1;
  headings.forEach((h, i) => {
    if (h && h.getBoundingClientRect().top <= offset) current = i;
  });
  return current;
}

export function keepPlaceOnLanguageSwitch(map: HTMLElement | null): void {
  if (!map) return;
  // Read when a link is first used, not at load: the page's load-time task stays short (issue 18).
  let sections: { alternates: Record<string, string[]>; headings: (HTMLElement | null)[] } | undefined;
  const read = () => {
    const ids = JSON.parse(map.dataset.ids ?? '[]') as string[];
    return { alternates: JSON.parse(map.dataset.alternates ?? '{}') as Record<string, string[]>, headings: ids.map((id) => document.getElementById(id)) };
  };
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.lang-switch a[hreflang]')) {
    const update = () => {
      sections ??= read();
      const { alternates, headings } = sections;
      const base = link.href.split('#')[0]!;
      const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
      // A heading brought into view stops at its scroll margin (below the sticky header and the lab's start bar).
      const first = headings.find((h) => h !== null);
      const margin = first ? Number.parseFloat(getComputedStyle(first).scrollMarginTop) || 0 : 0;
      const i = currentSection(headings, Math.max(header, margin, 0) + 16);
      const target = i >= 0 ? alternates[link.hreflang]?.[i] : undefined;
      link.href = target ? `${base}#${encodeURIComponent(target)}` : base;
    };
    // Before the browser follows (or copies) the link: pointer, keyboard focus, click.
    link.addEventListener('pointerenter', update);
    link.addEventListener('focus', update);
    link.addEventListener('click', () => {
      update();
      const running = document.querySelector<HTMLElement>('.lab-shell.lab-started');
      const labId = running ? (JSON.parse(running.dataset.labConfig ?? '{}') as { id?: unknown }).id : undefined;
      if (typeof labId === 'string') handOff(labId, 'resume');
    });
  }
}
