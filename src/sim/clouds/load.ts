/** Loads one cloud's module on demand: each import() is its own chunk, never in the AKS bundle. */
import type { CloudName } from '../options';
import type { StartCloud } from './types';

export function loadCloud(name: Exclude<CloudName, 'aks'>): Promise<StartCloud> {
  switch (name) {
    case 'metallb':
      return import('./metallb/index').then((m) => m.start);
    case 'k3s':
      return import('./k3s/index').then((m) => m.start);
    case 'eks':
      return import('./eks/index').then((m) => m.start);
    case 'gke':
      return import('./gke/index').then((m) => m.start);
    default:
      return Promise.reject(new Error(`unknown cloud "${String(name)}": use aks, eks, gke, metallb or k3s`));
  }
}
