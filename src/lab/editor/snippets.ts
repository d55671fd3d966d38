/** Ready-made Services a learner can drop into the editor (menu and completion), in the shapes lessons use. */
export interface Snippet {
  id: string;
  label: { en: string; ko: string };
  yaml: string;
}

const svc = (name: string, extra: { annotations?: string[]; spec?: string[]; namespace?: string } = {}) =>
  [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    ...(extra.namespace ? [`  namespace: ${extra.namespace}`] : []),
    ...(extra.annotations?.length ? ['  annotations:', ...extra.annotations.map((a) => `    ${a}`)] : []),
    'spec:',
    '  type: LoadBalancer',
    ...(extra.spec ?? []),
    '  ports:',
    '  - port: 80',
    '    targetPort: 80',
    '    protocol: TCP',
    '  selector:',
    `    app: ${name}`,
    '',
  ].join('\n');

export const SNIPPETS: Snippet[] = [
  { id: 'public-lb', label: { en: 'Public LoadBalancer Service', ko: '공용 LoadBalancer 서비스' }, yaml: svc('web') },
  {
    id: 'internal-lb',
    label: { en: 'Internal LoadBalancer Service', ko: '내부 LoadBalancer 서비스' },
    yaml: svc('internal-app', { annotations: ['service.beta.kubernetes.io/azure-load-balancer-internal: "true"'] }),
  },
  {
    id: 'etp-local',
    label: { en: 'Keep the client IP (externalTrafficPolicy: Local)', ko: '클라이언트 IP 유지(externalTrafficPolicy: Local)' },
    yaml: svc('web-local', { spec: ['  externalTrafficPolicy: Local'] }),
  },
  {
    id: 'static-pip',
    label: { en: 'Use an existing Public IP (azure-pip-name)', ko: '기존 공용 IP 사용(azure-pip-name)' },
    yaml: svc('web-static', { annotations: ['service.beta.kubernetes.io/azure-pip-name: myAKSPublicIP'] }),
  },
  {
    id: 'dns-label',
    label: { en: 'Public IP with a DNS label', ko: 'DNS 레이블이 있는 공용 IP' },
    yaml: svc('web-dns', { annotations: ['service.beta.kubernetes.io/azure-dns-label-name: my-web-app'] }),
  },
  {
    id: 'source-ranges',
    label: { en: 'Allow only some client ranges', ko: '일부 클라이언트 범위만 허용' },
    yaml: svc('web-restricted', { spec: ['  loadBalancerSourceRanges:', '  - 203.0.113.0/24'] }),
  },
];
