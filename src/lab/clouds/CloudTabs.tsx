import { useRef } from 'preact/hooks';
import type { CloudName } from '../../sim/options';
import { CLOUD_LABELS } from './strings';
import './clouds.css';

interface Props {
  labId: string;
  clouds: CloudName[];
  selected: CloudName;
  label: string;
  onSelect(cloud: CloudName): void;
}

export const cloudTabId = (labId: string, cloud: CloudName) => `${labId}-cloud-${cloud}`;
export const cloudPanelId = (labId: string, cloud: CloudName) => `${labId}-cloud-panel-${cloud}`;

/**
 * The cluster tabs of a multi-cloud lab. Arrow keys, Home and End move between them; Enter, Space
 * or a click opens one (manual activation: opening a cloud for the first time builds its sandbox,
 * so passing over a tab must not).
 */
export function CloudTabs({ labId, clouds, selected, label, onSelect }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const n = clouds.length;
    const next = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i + n - 1) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} class="lab-tabs lab-cloud-tabs">
      {clouds.map((cloud, i) => (
        <button
          type="button"
          key={cloud}
          ref={(el) => {
            refs.current[i] = el;
          }}
          role="tab"
          id={cloudTabId(labId, cloud)}
          aria-controls={cloudPanelId(labId, cloud)}
          aria-selected={cloud === selected}
          tabIndex={cloud === selected ? 0 : -1}
          class="lab-tab"
          onClick={() => onSelect(cloud)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {CLOUD_LABELS[cloud]}
        </button>
      ))}
    </div>
  );
}
