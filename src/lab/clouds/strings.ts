import type { CloudName } from '../../sim/options';
import type { Locale } from '../types';

/** Tab names are the products' own, the same in both languages. */
export const CLOUD_LABELS: Record<CloudName, string> = { aks: 'AKS', eks: 'EKS', gke: 'GKE', metallb: 'MetalLB', k3s: 'k3s' };

const en = {
  tabs: 'Clusters',
  starting: (name: string) => `Starting the ${name} cluster…`,
  failed: (name: string) => `The ${name} cluster could not be started. Reload the page to try again.`,
  openTab: (name: string) => `Open the ${name} tab: this exercise is checked in its cluster.`,
};

const ko: typeof en = {
  tabs: '클러스터',
  starting: (name) => `${name} 클러스터를 시작하는 중…`,
  failed: (name) => `${name} 클러스터를 시작하지 못했습니다. 페이지를 새로 고친 뒤 다시 시도하세요.`,
  openTab: (name) => `${name} 탭을 여세요. 이 연습 문제는 그 클러스터에서 확인합니다.`,
};

export const cloudStrings = (locale: Locale) => (locale === 'ko' ? ko : en);
