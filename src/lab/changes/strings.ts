import type { Locale } from '../types';
import type { Change, ChangeAction } from './derive';
import type { PartKind } from './snapshot';

/** A phrase as text and names; names are drawn as code, shortened in the middle. */
export type Segment = string | { name: string };

type Phrase = (name: Segment, parent: Segment | undefined) => Segment[];

interface FeedStrings {
  title: string;
  after: (command: Segment) => Segment[];
  nothingYet: string;
  earlier: (n: number) => string;
  hide: string;
  show: (n: number) => string;
  announce: (n: number, command: string) => string;
  failed: (kind: string, name: Segment, detail: string) => Segment[];
  kinds: Record<PartKind, string>;
  phrase: Record<ChangeAction, Phrase>;
  /** Sub-resources say which resource they belong to. */
  child: Record<Exclude<ChangeAction, 'failed'>, Phrase>;
}

const en: FeedStrings = {
  title: 'What just happened',
  after: (c) => ['after ', c],
  nothingYet: 'No Azure changes yet: the cloud provider acts a few (simulated) seconds after Kubernetes.',
  earlier: (n) => `Earlier (${n})`,
  hide: 'Hide',
  show: (n) => `Show ${n} change${n === 1 ? '' : 's'}`,
  announce: (n, c) => `${n} Azure change${n === 1 ? '' : 's'} after ${c}`,
  failed: (kind, name, detail) => [`${kind} `, name, `: call failed (${detail})`],
  kinds: {
    publicIp: 'Public IP',
    loadBalancer: 'Load balancer',
    nsg: 'Network security group',
    natGateway: 'NAT gateway',
    resource: 'Resource',
    frontend: 'frontend',
    pool: 'backend pool',
    rule: 'rule',
    probe: 'health probe',
    outboundRule: 'outbound rule',
    securityRule: 'NSG rule',
  },
  phrase: {
    added: (n) => [n, ' created'],
    removed: (n) => [n, ' deleted'],
    changed: (n) => [n, ' updated'],
    failed: (n) => [n, ' failed'],
  },
  child: {
    added: (n, p) => [n, ' added to ', p ?? ''],
    removed: (n, p) => [n, ' removed from ', p ?? ''],
    changed: (n, p) => [n, ' changed in ', p ?? ''],
  },
};

const ko: FeedStrings = {
  title: '방금 일어난 일',
  after: (c) => [c, ' 실행 후'],
  nothingYet: '아직 Azure 변경 사항이 없습니다. 클라우드 공급자는 Kubernetes보다 (가상 시간으로) 몇 초 늦게 움직입니다.',
  earlier: (n) => `이전 기록(${n})`,
  hide: '숨기기',
  show: (n) => `변경 ${n}건 보기`,
  announce: (n, c) => `${c} 실행 후 Azure 변경 ${n}건`,
  failed: (kind, name, detail) => [`${kind} `, name, ` 호출 실패(${detail})`],
  kinds: {
    publicIp: '공용 IP 주소',
    loadBalancer: '부하 분산 장치',
    nsg: '네트워크 보안 그룹',
    natGateway: 'NAT 게이트웨이',
    resource: '리소스',
    frontend: '프런트 엔드 IP 구성',
    pool: '백 엔드 풀',
    rule: '부하 분산 규칙',
    probe: '상태 프로브',
    outboundRule: '아웃바운드 규칙',
    securityRule: '인바운드 보안 규칙',
  },
  phrase: {
    added: (n) => [n, ' 생성됨'],
    removed: (n) => [n, ' 삭제됨'],
    changed: (n) => [n, ' 변경됨'],
    failed: (n) => [n, ' 실패'],
  },
  child: {
    added: (n, p) => [p ?? '', '에 ', n, ' 추가됨'],
    removed: (n, p) => [p ?? '', '에서 ', n, ' 제거됨'],
    changed: (n, p) => [p ?? '', '의 ', n, ' 변경됨'],
  },
};

export function feedStrings(locale: Locale): FeedStrings {
  return locale === 'ko' ? ko : en;
}

/** One change as a phrase: `Public IP ‹kubernetes-a…› created`, `rule ‹…-TCP-80› added to ‹kubernetes›`. */
export function describeChange(c: Change, locale: Locale): Segment[] {
  const s = feedStrings(locale);
  const kind = s.kinds[c.kind];
  const name: Segment = { name: c.name };
  if (c.action === 'failed') return s.failed(kind, name, c.detail ?? '');
  if (c.parentName !== undefined) {
    const body = s.child[c.action](name, { name: c.parentName });
    // "frontend ‹x› added to ‹kubernetes›" / "‹kubernetes›에 프런트 엔드 IP 구성 ‹x› 추가됨"
    const at = body.indexOf(name);
    return [...body.slice(0, at), `${kind} `, ...body.slice(at)];
  }
  return [`${kind} `, ...s.phrase[c.action](name, undefined)];
}

/** The phrase as plain text, names whole (tests, tooltips, announcements). */
export function changeText(c: Change, locale: Locale): string {
  return describeChange(c, locale)
    .map((seg) => (typeof seg === 'string' ? seg : seg.name))
    .join('');
}

/** A child's name worth showing in a compact line: `…-TCP-6379` of a rule, a human name whole; none for a bare hash. */
export function meaningfulName(name: string): string | undefined {
  const runs = [...name.matchAll(/[0-9a-f]{8,}/gi)];
  if (runs.length === 0) return name;
  const last = runs[runs.length - 1]!;
  const suffix = name.slice(last.index + last[0].length);
  return suffix.length > 1 && suffix.length <= 14 ? `…${suffix}` : undefined;
}

const COMPACT = {
  en: {
    verb: { added: 'added', removed: 'removed', changed: 'changed' },
    at: { added: 'added to', removed: 'removed from', changed: 'changed in' },
  },
  ko: {
    verb: { added: '추가됨', removed: '제거됨', changed: '변경됨' },
    at: { added: '에 ', removed: '에서 ', changed: '의 ' },
  },
} as const;

/**
 * The line as the feed shows it, short enough that a few fit on one line: `rule ‹…-TCP-80› added`,
 * `frontend added to ‹kubernetes›`, `NSG rule added`. The whole sentence is its tooltip (changeText).
 */
export function compactChange(c: Change, locale: Locale): Segment[] {
  if (c.action === 'failed' || c.parentName === undefined) return describeChange(c, locale);
  const kind = feedStrings(locale).kinds[c.kind];
  const shown = meaningfulName(c.name);
  const w = COMPACT[locale];
  if (shown) return [`${kind} `, { name: shown }, ` ${w.verb[c.action]}`];
  if (c.kind === 'securityRule') return [`${kind} ${w.verb[c.action]}`];
  const parent = { name: c.parentName };
  return locale === 'ko' ? [parent, `${w.at[c.action]}${kind} ${w.verb[c.action]}`] : [`${kind} ${w.at[c.action]} `, parent];
}
