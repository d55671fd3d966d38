/**
 * `curl` (issue #4): from "the internet" in the lab terminal, or from inside a pod through
 * `kubectl exec … -- curl`. It resolves the host, then asks the simulator's packet walk
 * (src/sim/network) what happens, and prints it the way curl 8.x does.
 *
 * Choices (documented in `curl --help` too):
 * - The lab terminal's public address is INTERNET_CLIENT_IP (203.0.113.10, RFC 5737 TEST-NET-3).
 * - A dropped SYN waits `--connect-timeout`/`-m` if given (curl's own timer: `Timeout was reached`),
 *   else 127 s — when Linux's default tcp_syn_retries=6 (1+2+4+8+16+32+64 s) gives up with
 *   ETIMEDOUT, which curl 8 words `Couldn't connect to server` and still exits 28 — and advances
 *   virtual time by that much.
 * - From a pod, names resolve through cluster DNS first (src/sim/network/dns.ts); from the
 *   terminal only IP literals and Azure DNS labels of Public IPs resolve.
 * - Headers print with \n, not \r\n, so a terminal and a test read the same lines.
 */

import type { KubeObject, Service } from '../../sim/kube/types';
import { isIPv4 } from '../../sim/network/addr';
import { resolveFromPod } from '../../sim/network/dns';
import { INTERNET_CLIENT_IP, walkInbound, walkToOwnPod } from '../../sim/network/inbound';
import type { CliContext } from '../context';
import { type CommandFn, type ExecResult, resolvePath, type ShellState } from '../shell/types';

export const DEFAULT_CONNECT_TIMEOUT_MS = 127_000;

/** "What is my IP" services: they answer with the caller's public address and no newline. */
const WHATS_MY_IP: Record<string, boolean> = {
  'ifconfig.me': false,
  'api.ipify.org': false,
  'icanhazip.com': true,
  'ifconfig.co': true,
  'checkip.amazonaws.com': true,
};

export interface CurlOrigin {
  /** Public address the far end sees (the laptop, or the cluster's egress IP for a pod). */
  callerIp: string | undefined;
  /** The node of the calling pod (kube-proxy there handles Service load balancer IPs); unset for the internet. */
  node?: string;
  /** The calling pod's namespace: cluster DNS's first search domain. Unset for the internet. */
  namespace?: string;
  /** The calling pod itself (`localhost` is its own network namespace). */
  pod?: KubeObject;
  /** Where `-o FILE` writes: the terminal's in-memory files. Unset in a pod (its file system is not modelled; the file is dropped). */
  shell?: ShellState;
}

const HELP = `Usage: curl [options...] <url>
 -f, --fail                   Fail fast with no output on HTTP errors
 -H, --header <header/@file>  Pass custom header(s) to server
 -I, --head                   Show document info only
 -i, --include                Include response headers in output
 -m, --max-time <seconds>     Maximum time allowed for transfer
     --connect-timeout <seconds>  Maximum time allowed for connection
 -o, --output <file>          Write to file instead of stdout
 -s, --silent                 Silent mode
 -S, --show-error             Show error even when -s is used
 -v, --verbose                Make the operation more talkative
 -w, --write-out <format>     Output FORMAT after completion
     --trace                  (External IP Lab only) print each hop of the path with the Azure or
                              Kubernetes object that decided it. Real curl's --trace <file> dumps
                              bytes instead; this lab flag takes no argument.

In this lab curl runs from a machine on the internet with public IP ${INTERNET_CLIENT_IP}
(a documentation address). A connection that is silently dropped waits --connect-timeout
(or -m), else 127 seconds (Linux SYN retries), in virtual time. Inside a pod
(kubectl exec / kubectl run), Service names resolve through cluster DNS.
-w knows http_code, response_code, remote_ip, remote_port, time_total (and the other time_*),
url_effective, size_download, size_header, content_type, exitcode, errormsg, http_version,
num_connects, method.
`;

interface Opts {
  verbose: boolean;
  silent: boolean;
  showError: boolean;
  head: boolean;
  include: boolean;
  fail: boolean;
  trace: boolean;
  headers: string[];
  connectMs?: number;
  maxMs?: number;
  output?: string;
  writeOut?: string;
  url?: string;
}

/** curl's built-in connect timeout (CURLOPT_CONNECTTIMEOUT default). */
const CURL_DEFAULT_CONNECT_MS = 300_000;

const LONG_BOOL: Record<string, keyof Opts> = {
  '--verbose': 'verbose',
  '--silent': 'silent',
  '--show-error': 'showError',
  '--head': 'head',
  '--include': 'include',
  '--fail': 'fail',
  '--trace': 'trace',
};
const LONG_VALUE = new Set(['--connect-timeout', '--max-time', '--header', '--output', '--write-out', '--request', '--user-agent', '--data', '--user']);
const SHORT_BOOL: Record<string, keyof Opts | null> = { v: 'verbose', s: 'silent', S: 'showError', I: 'head', i: 'include', f: 'fail', L: null, k: null };
const SHORT_VALUE: Record<string, string> = { m: '--max-time', H: '--header', o: '--output', w: '--write-out', X: '--request', A: '--user-agent' };
const ACCEPTED_NOOP = new Set(['--location', '--insecure', '--compressed', '--no-progress-meter', '--ipv4', '-4', '--http1.1', '--no-buffer']);
const tryHelp = "curl: try 'curl --help' for more information";

function parse(argv: string[]): Opts | string {
  const o: Opts = { verbose: false, silent: false, showError: false, head: false, include: false, fail: false, trace: false, headers: [] };
  const secs = (v: string, flag: string): number | string => {
    const n = Number(v);
    return v.trim() !== '' && Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : `curl: option ${flag}: expected a proper numerical parameter\n${tryHelp}`;
  };
  /** One option with its value; a string is an error. */
  const take = (flag: string, v: string): string | undefined => {
    if (flag === '--connect-timeout' || flag === '--max-time') {
      const ms = secs(v, flag);
      if (typeof ms === 'string') return ms;
      if (flag === '--connect-timeout') o.connectMs = ms;
      else o.maxMs = ms;
    } else if (flag === '--header') o.headers.push(v);
    else if (flag === '--output') o.output = v;
    else if (flag === '--write-out') o.writeOut = v;
    return undefined;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (LONG_VALUE.has(a)) {
      if (i + 1 >= argv.length) return `curl: option ${a}: requires parameter\n${tryHelp}`;
      const err = take(a, argv[++i]);
      if (err) return err;
    } else if (a in LONG_BOOL) (o[LONG_BOOL[a]] as boolean) = true;
    else if (ACCEPTED_NOOP.has(a)) continue;
    else if (/^-[a-zA-Z0-9]/.test(a) && !a.startsWith('--')) {
      // A cluster of short options; the first that takes a value takes the rest of the word, or the next word.
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c in SHORT_VALUE) {
          const rest = a.slice(j + 1);
          if (!rest && i + 1 >= argv.length) return `curl: option -${c}: requires parameter\n${tryHelp}`;
          const err = take(SHORT_VALUE[c], rest || argv[++i]);
          if (err) return err.replace(`option ${SHORT_VALUE[c]}:`, `option -${c}:`);
          break;
        }
        if (!(c in SHORT_BOOL)) return `curl: option -${c}: is unknown\n${tryHelp}`;
        const key = SHORT_BOOL[c];
        if (key) (o[key] as boolean) = true;
      }
    } else if (a.startsWith('-') && a !== '-') return `curl: option ${a}: is unknown\n${tryHelp}`;
    else o.url = a;
  }
  return o;
}

interface Target {
  scheme: string;
  host: string;
  port: number;
  path: string;
  /** The URL as curl normalises it (`%{url_effective}`): scheme added, `/` for an empty path. */
  effective: string;
}

function parseUrl(url: string): Target | string {
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([^?#]*)?(\?[^#]*)?/i.exec(url);
  if (!m) return `URL rejected: Malformed input to a URL function`;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return `Protocol "${m[1]}" not supported`;
  const path = m[4] || '/';
  const effective = `${scheme}://${m[2]}${m[3] ? ':' + m[3] : ''}${path}${m[5] ?? ''}`;
  return { scheme, host: m[2], port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: path + (m[5] ?? ''), effective };
}

/** Upstream DNS (Azure DNS / the internet): IP literals, Azure DNS labels of Public IPs, another cloud's load balancer names. */
function resolvePublic(ctx: CliContext, host: string): string | undefined {
  if (isIPv4(host)) return host;
  const fqdn = host.toLowerCase().replace(/\.$/, '');
  const cloud = ctx.cloud?.runtime?.network;
  if (cloud) return cloud.resolve(fqdn);
  const pip = ctx.arm
    .list({ type: 'Microsoft.Network/publicIPAddresses' })
    .find((p) => ((p.properties.dnsSettings as { fqdn?: string } | undefined)?.fqdn ?? '').toLowerCase() === fqdn);
  return pip?.properties.ipAddress as string | undefined;
}

/** An address the cluster itself answers for a pod: a ClusterIP, a pod IP, or a Service's load balancer IP. */
function clusterAddress(ctx: CliContext, ip: string): boolean {
  const svcs = ctx.kube.select('Service') as Service[];
  if (svcs.some((s) => s.spec.clusterIP === ip || (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip))) return true;
  return ctx.kube.select('Pod').some((p) => (p.status as { podIP?: string } | undefined)?.podIP === ip);
}

/** What happened, for the output and for `-w`. */
interface Transfer {
  exitCode: number;
  /** curl's error line without `curl: (N) `. */
  error?: string;
  status: number;
  remoteIp: string;
  remotePort: number;
  elapsedMs: number;
  /** Time until the first byte of the answer (time_starttransfer). */
  firstByteMs: number;
  headerLines: string[];
  body: string;
  connected: boolean;
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** `%{time_total}` etc.: curl 8 prints seconds with six decimals (`%u.%06u` of microseconds). */
const seconds = (ms: number) => `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;

/** `-w FORMAT` (src/tool_writeout.c): `%{var}`, `%%`, `\n` `\r` `\t`; unknown variables warn on stderr. */
function writeOut(fmt: string, t: Transfer, target: Target | undefined, method: string): { out: string; err: string } {
  const contentType = t.headerLines.find((l) => /^content-type:/i.test(l))?.replace(/^content-type:\s*/i, '') ?? '';
  const vars: Record<string, () => string> = {
    http_code: () => String(t.status).padStart(3, '0'),
    response_code: () => String(t.status).padStart(3, '0'),
    http_version: () => (t.status ? '1.1' : '0'),
    remote_ip: () => t.remoteIp,
    remote_port: () => String(t.remotePort),
    time_total: () => seconds(t.elapsedMs),
    time_namelookup: () => seconds(0),
    time_connect: () => seconds(0),
    time_pretransfer: () => seconds(0),
    time_starttransfer: () => seconds(t.status ? t.firstByteMs : 0),
    url_effective: () => target?.effective ?? '',
    size_download: () => String(bytes(t.body)),
    size_header: () => String(t.headerLines.length ? t.headerLines.reduce((n, l) => n + bytes(l) + 2, 2) : 0),
    content_type: () => contentType,
    exitcode: () => String(t.exitCode),
    errormsg: () => t.error ?? '',
    num_connects: () => (t.connected ? '1' : '0'),
    method: () => method,
  };
  let out = '';
  let err = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '%' && fmt[i + 1] === '%') {
      out += '%';
      i++;
    } else if (ch === '%' && fmt[i + 1] === '{' && fmt.indexOf('}', i) > 0) {
      const end = fmt.indexOf('}', i);
      const name = fmt.slice(i + 2, end);
      const f = vars[name.toLowerCase()];
      if (f) out += f();
      else err += `curl: unknown --write-out variable: '${name}'\n`;
      i = end;
    } else if (ch === '\\' && i + 1 < fmt.length) {
      const e = fmt[i + 1];
      out += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : '\\' + e;
      i++;
    } else out += ch;
  }
  return { out, err };
}

export async function runCurl(ctx: CliContext, argv: string[], origin: CurlOrigin): Promise<ExecResult> {
  if (argv.includes('--help') || argv.includes('-h')) return { stdout: HELP, stderr: '', exitCode: 0 };
  const o = parse(argv);
  if (typeof o === 'string') return { stdout: '', stderr: o + '\n', exitCode: 2 };
  if (!o.url) return { stdout: '', stderr: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
  let fmt = o.writeOut;
  if (fmt?.startsWith('@')) {
    const name = fmt.slice(1);
    fmt = name === '-' ? '' : origin.shell?.files.get(resolvePath(origin.shell, name));
    if (fmt === undefined) return { stdout: '', stderr: `curl: Failed to read ${name}\n`, exitCode: 26 };
  }
  const started = ctx.clock.now();
  const t = parseUrl(o.url);
  const method = o.head ? 'HEAD' : 'GET';
  const tr: Transfer = { exitCode: 0, status: 0, remoteIp: '', remotePort: 0, elapsedMs: 0, firstByteMs: 0, headerLines: [], body: '', connected: false };
  const v: string[] = [];
  const traceLines: string[] = [];
  const finish = (): ExecResult => {
    tr.elapsedMs = ctx.clock.now() - started;
    const pre = (o.trace ? traceLines.map((l, i) => `[trace] ${i + 1}. ${l}\n`).join('') : '') + v.map((l) => l + '\n').join('');
    let stdout = '';
    if (tr.exitCode === 0) {
      const head = tr.headerLines.length ? tr.headerLines.join('\n') + '\n\n' : '';
      const payload = o.head ? head : (o.include ? head : '') + tr.body;
      if (o.output === undefined || o.output === '-') stdout = payload;
      else if (o.output !== '/dev/null' && origin.shell) origin.shell.files.set(resolvePath(origin.shell, o.output), payload);
    }
    const shown = tr.error && (!o.silent || o.showError) ? `curl: (${tr.exitCode}) ${tr.error}\n` : '';
    const w = fmt !== undefined ? writeOut(fmt, tr, typeof t === 'string' ? undefined : t, method) : { out: '', err: '' };
    return { stdout: stdout + w.out, stderr: pre + w.err + shown, exitCode: tr.exitCode };
  };
  const failWith = (code: number, msg: string) => ((tr.exitCode = code), (tr.error = msg), finish());

  if (typeof t === 'string') return failWith(t.startsWith('Protocol') ? 1 : 3, t);
  const hostHeader = o.headers.find((h) => /^host:/i.test(h))?.replace(/^host:\s*/i, '') ?? (t.port === 80 ? t.host : `${t.host}:${t.port}`);

  const myIp = WHATS_MY_IP[t.host.toLowerCase()];
  if (myIp !== undefined) {
    if (!origin.callerIp) return failWith(6, `Could not resolve host: ${t.host}`);
    return { stdout: origin.callerIp + (myIp ? '\n' : ''), stderr: '', exitCode: 0 };
  }

  // Name resolution: a pod asks CoreDNS (search list, then upstream); the terminal asks the internet.
  let ip: string | undefined;
  const loopback = (a: string) => a.startsWith('127.');
  if (isIPv4(t.host)) ip = t.host;
  else if (t.host.toLowerCase() === 'localhost')
    ip = '127.0.0.1'; // /etc/hosts, before any DNS
  else if (origin.namespace !== undefined) {
    const d = resolveFromPod(ctx.kube, t.host, origin.namespace);
    traceLines.push(...d.trace);
    ip = d.kind === 'a' ? d.ip : d.kind === 'upstream' ? resolvePublic(ctx, d.name) : undefined;
    if (d.kind === 'upstream') traceLines.push(ip ? `Azure DNS: ${d.name} → A ${ip}` : `Azure DNS: no record for ${d.name} (NXDOMAIN)`);
  } else {
    ip = resolvePublic(ctx, t.host);
    if (!ip)
      traceLines.push(
        `DNS: no record for ${t.host} (NXDOMAIN). From the lab terminal only Azure DNS labels of Public IPs resolve; Service names exist only in the cluster's DNS, for pods`,
      );
  }
  if (!ip) return failWith(6, `Could not resolve host: ${t.host}`);

  // Connect timers: curl's own (--connect-timeout, else 300 s; -m caps everything) against the
  // kernel's SYN retries (127 s), whichever ends first.
  const curlLimit = Math.min(o.connectMs ?? CURL_DEFAULT_CONNECT_MS, o.maxMs ?? Infinity);
  const kernelFirst = curlLimit >= DEFAULT_CONNECT_TIMEOUT_MS;
  const waitMs = kernelFirst ? DEFAULT_CONNECT_TIMEOUT_MS : curlLimit;
  const timedOut = async () => {
    await ctx.advance(waitMs);
    return failWith(
      28,
      `Failed to connect to ${t.host} port ${t.port} after ${waitMs} ms: ${kernelFirst ? "Couldn't connect to server" : 'Timeout was reached'}`,
    );
  };
  const self = origin.pod && loopback(ip) ? origin.pod : undefined;
  if (!origin.pod && loopback(ip)) {
    // The lab terminal's own machine runs no web server.
    return failWith(7, `Failed to connect to ${t.host} port ${t.port} after 0 ms: Couldn't connect to server`);
  }
  const inside = self !== undefined || (origin.node !== undefined && clusterAddress(ctx, ip));
  if (!origin.callerIp && !inside) return timedOut();
  if (o.verbose) v.push(`*   Trying ${ip}:${t.port}...`);

  const env = { arm: ctx.arm, kube: ctx.kube, now: ctx.clock.now(), cloud: ctx.cloud?.runtime?.network };
  const req = { ip, port: t.port, method, path: t.path, host: hostHeader, callerIp: origin.callerIp ?? '', fromNode: origin.node } as const;
  const r = self ? walkToOwnPod(env, req, self) : walkInbound(env, req);
  traceLines.push(...r.trace);
  if (r.kind === 'timeout') return timedOut();
  if (r.kind === 'refused') {
    await ctx.advance(1);
    return failWith(7, `Failed to connect to ${t.host} port ${t.port} after 1 ms: Couldn't connect to server`);
  }
  tr.connected = true;
  tr.remoteIp = ip;
  tr.remotePort = t.port;
  if (o.verbose) v.push(`* Connected to ${t.host} (${ip}) port ${t.port}`);
  const reqLines = [
    `> ${method} ${t.path} HTTP/1.1`,
    `> Host: ${hostHeader}`,
    '> User-Agent: curl/8.5.0',
    '> Accept: */*',
    ...o.headers.filter((h) => !/^host:/i.test(h)).map((h) => `> ${h}`),
    '> ',
  ];
  if (o.verbose) v.push(...reqLines);
  if (r.delayMs) {
    // -m covers the whole transfer: an upstream that answers late is cut off.
    if (o.maxMs !== undefined && o.maxMs < r.delayMs) {
      await ctx.advance(o.maxMs);
      return failWith(28, `Operation timed out after ${o.maxMs} milliseconds with 0 bytes received`);
    }
    await ctx.advance(r.delayMs);
  }
  tr.firstByteMs = ctx.clock.now() - started;
  const a = r.answer;
  if (a.kind === 'http09') {
    if (o.verbose) v.push('* Received HTTP/0.9 when not allowed', `* Closing connection`);
    return failWith(1, 'Received HTTP/0.9 when not allowed');
  }
  if (a.kind !== 'http') {
    if (o.verbose) v.push('* Empty reply from server', '* Closing connection');
    return failWith(52, 'Empty reply from server');
  }
  tr.status = a.status;
  const head = [`HTTP/1.1 ${a.status} ${a.reason}`, ...a.headers.map(([k, val]) => `${k}: ${val}`)];
  if (o.verbose) v.push(...head.map((l) => `< ${l}`), '< ');
  if (o.fail && a.status >= 400) {
    // curl ≥ 7.76 words it without the reason phrase; nothing of the answer is written.
    if (o.verbose) v.push(`* The requested URL returned error: ${a.status}`, '* Closing connection');
    return failWith(22, `The requested URL returned error: ${a.status}`);
  }
  if (o.verbose) v.push(`* Connection #0 to host ${t.host} left intact`);
  // -v prints the closing line after the body; splitting stderr around stdout is not possible
  // in one ExecResult, so all verbose lines go to stderr together (as `2>&1 | less` would show).
  tr.headerLines = head;
  tr.body = o.head ? '' : a.body;
  return finish();
}

/** The lab terminal's curl: the caller is the learner's machine on the internet. */
export const curlCommand: CommandFn<CliContext> = ({ argv, ctx, shell }) => runCurl(ctx, argv, { callerIp: INTERNET_CLIENT_IP, shell });
