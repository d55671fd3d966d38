import { useEffect, useState } from 'preact/hooks';
import { applyDockFraction, clampDockFraction, readDockFraction, saveDockFraction } from './dock-width';

/**
 * The draggable edge between the lesson text and the docked lab (shown only in the docked layout,
 * lab.css). Arrow keys move it too; the width is remembered for every lesson.
 */
export function DockResizer({ label }: { label: string }) {
  const [fraction, setFraction] = useState(() => readDockFraction() ?? 0.48);

  useEffect(() => {
    const stored = readDockFraction();
    if (stored !== null) applyDockFraction(clampDockFraction(stored, innerWidth));
  }, []);

  const set = (next: number, save: boolean) => {
    const f = clampDockFraction(next, innerWidth);
    setFraction(f);
    applyDockFraction(f);
    if (save) saveDockFraction(f);
  };

  const onPointerDown = (e: PointerEvent) => {
    e.preventDefault();
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => set((innerWidth - ev.clientX) / innerWidth, false);
    const up = (ev: PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      set((innerWidth - ev.clientX) / innerWidth, true);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowLeft' ? 0.02 : e.key === 'ArrowRight' ? -0.02 : 0;
    if (!step) return;
    e.preventDefault();
    set(fraction + step, true);
  };

  return (
    <div
      class="lab-dock-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={20}
      aria-valuemax={80}
      aria-valuenow={Math.round(fraction * 100)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
