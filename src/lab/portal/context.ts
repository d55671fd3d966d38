import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LabStrings } from '../i18n';
import type { LabStore } from '../store';
import type { LabSandbox } from '../types';

export interface PortalContext {
  store: LabStore;
  sandbox: LabSandbox;
  t: LabStrings;
  /** Open a portal view: [] home, ['rg', name], ['resource', id, section?], ['activity', rg?]. */
  go(path: string[]): void;
  /** Type and run a command in the terminal (links from the portal to Kubernetes objects). */
  runInTerminal(line: string): void;
}

export const Portal = createContext<PortalContext | null>(null);

export function usePortal(): PortalContext {
  const ctx = useContext(Portal);
  if (!ctx) throw new Error('usePortal outside the portal');
  return ctx;
}
