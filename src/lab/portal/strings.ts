import { type LabStrings, labStrings } from '../i18n';
import type { Locale } from '../types';

/** The portal's own words added for the narrow-pane work, kept beside the portal (ko: ko-glossary). */
const en = {
  copy: 'Copy',
  copied: 'Copied',
  azureServices: 'Azure services',
  recentResources: 'Recently changed',
  allResources: 'All resources',
  noRecent: 'Nothing changed yet: Apply a Service and its Azure resources show up here.',
  whyHint: 'Why: the Kubernetes cause',
};

export type PortalStrings = typeof en;

const ko: PortalStrings = {
  copy: '복사',
  copied: '복사했습니다',
  azureServices: 'Azure 서비스',
  recentResources: '최근 변경된 리소스',
  allResources: '모든 리소스',
  noRecent: '아직 바뀐 것이 없습니다. 서비스를 적용하면 만들어진 Azure 리소스가 여기에 나타납니다.',
  whyHint: '이유: Kubernetes 원인',
};

/** The lab's strings object is one per locale, so it tells which locale the portal speaks. */
export function localeOf(t: LabStrings): Locale {
  return t === labStrings('ko') ? 'ko' : 'en';
}

export function portalStrings(t: LabStrings): PortalStrings {
  return localeOf(t) === 'ko' ? ko : en;
}
