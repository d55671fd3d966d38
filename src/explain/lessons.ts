/**
 * The lesson sections findings link to. Heading anchors are made from the heading text (Astro's
 * slugger), so they differ per language; the e2e test checks each one exists in the built lessons.
 */
import type { Locale } from './types';

export interface LessonSection {
  slug: string;
  anchor: Record<Locale, string>;
}

const s = (slug: string, en: string, ko: string): LessonSection => ({ slug, anchor: { en, ko } });

export const LESSON_SECTIONS = {
  puzzle: s('where-does-external-ip-come-from', 'the-puzzle-three-services-four-public-ips', '수수께끼-서비스는-셋-공용-ip는-넷'),
  fourthAddress: s('where-does-external-ip-come-from', 'the-fourth-address-is-for-outbound-traffic', '네-번째-주소는-아웃바운드용'),
  whatItBuilds: s('where-does-external-ip-come-from', 'what-it-builds-for-one-service', '서비스-하나에-무엇이-만들어지나'),
  snat: s('the-fourth-ip-egress', 'snat-ports-in-numbers', '숫자로-보는-snat-포트'),
  otherOutbound: s('the-fourth-ip-egress', 'other-outbound-types', '다른-아웃바운드-유형'),
  sharedIp: s('many-services-shared-ips', 'two-services-one-ip', '서비스-둘-ip-하나'),
  portClash: s('many-services-shared-ips', 'when-two-services-want-the-same-port', '두-서비스가-같은-포트를-원하면'),
  internalLb: s('internal-load-balancer', 'a-second-load-balancer', '두-번째-부하-분산-장치'),
  subnet: s('internal-load-balancer', 'a-subnet-for-frontends', '프런트-엔드용-서브넷'),
  outsideSubnet: s('internal-load-balancer', 'an-address-outside-the-subnet', '서브넷-밖의-주소'),
  byoIp: s('keep-your-ip-static-and-dns', 'bring-your-own-public-ip', '공용-ip-주소를-직접-준비하기'),
  forbidden: s('keep-your-ip-static-and-dns', 'pending-with-a-403-behind-it', 'pending-뒤에-숨은-403'),
  tags: s('keep-your-ip-static-and-dns', 'managed-or-yours-what-the-tags-say', '관리형인가-내-것인가-태그가-말해-준다'),
  dnsLabel: s('keep-your-ip-static-and-dns', 'a-name-instead-of-a-number', '숫자-대신-이름으로'),
  openToInternet: s('locking-it-down', 'open-to-the-whole-internet', '인터넷-전체에-열려-있다'),
  sourceRanges: s('locking-it-down', 'only-from-these-ranges', '이-대역에서만-허용하기'),
  probeAnnotations: s('locking-it-down', 'health-probe-annotations', '상태-프로브-어노테이션'),
  whereErrorsGo: s('cleanup-and-troubleshooting', 'where-the-errors-go', '오류는-어디에-남을까'),
  quota: s('cleanup-and-troubleshooting', 'out-of-public-ips', '공용-ip-주소가-바닥났다'),
  deleting: s('cleanup-and-troubleshooting', 'what-deleting-a-service-removes', '서비스를-지우면-무엇이-사라질까'),
  missingIp: s('cleanup-and-troubleshooting', 'a-public-ip-that-is-not-there', '있어야-할-공용-ip-주소가-없다'),
  throttled: s('cleanup-and-troubleshooting', 'throttled-by-arm', 'arm의-요청-제한'),
  atAGlance: s('cleanup-and-troubleshooting', 'troubleshooting-at-a-glance', '한눈에-보는-문제-해결'),
} satisfies Record<string, LessonSection>;

export type SectionKey = keyof typeof LESSON_SECTIONS;

/** `/en/lessons/<slug>/#<anchor>` for a finding's section. */
export function lessonHref(section: string | undefined, locale: Locale): string | undefined {
  const sec = section ? (LESSON_SECTIONS as Record<string, LessonSection>)[section] : undefined;
  return sec ? `/${locale}/lessons/${sec.slug}/#${encodeURIComponent(sec.anchor[locale])}` : undefined;
}
