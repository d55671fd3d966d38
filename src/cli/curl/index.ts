/**
 * `curl` (issue #4): from "the internet" in the lab terminal, or from inside a pod through
 * `kubectl exec … -- curl`. It resolves the host, then asks the simulator's packet walk
 * (src/sim/network) what happens, and prints it the way curl 8.x does.
 *
 * Choices (documented in `curl --help` too):
 * - The lab terminal's public address is INTERNET_CLIENT_IP (203.0.113.10, RFC 5737 TEST-NET-3).
 * - A dropped SYN waits `--connect-timeout`/`-m` if given, else 127 s — what Linux's default
 *   tcp_syn_retries=6 gives (1+2+4+8+16+32+64 s) — and advances virtual time by that much.
 * - Headers print with \n, not \r\n, so a terminal and a test read the same lines.
 */
import type { CliContext } from '../context';
import type { ExecResult, CommandFn } from '../shell/types';
import { INTERNET_CLIENT_IP, walkInbound } from '../../sim/network/inbound';
import { isIPv4 } from '../../sim/network/addr';

export const DEFAULT_CONNECT_TIMEOUT_MS = 127_000;

/** "What is my IP" services: they answer with the caller's public address and no newline. */
const WHATS_MY_IP: Record<string, boolean> = { 'ifconfig.me': false, 'api.ipify.org': false, 'icanhazip.com': true, 'ifconfig.co': true, 'checkip.amazonaws.com': true };

export interface CurlOrigin {
  /** Public address the far end sees (the laptop, or the cluster's egress IP for a pod). */
  callerIp: string | undefined;
  /** The node of the calling pod (kube-proxy there handles Service load balancer IPs); unset for the internet. */
  node?: string;
}

const HELP = `Usage: curl [options...] <url>
 -H, --header <header/@file>  Pass custom header(s) to server
 -I, --head                   Show document info only
 -m, --max-time <seconds>     Maximum time allowed for transfer
     --connect-timeout <seconds>  Maximum time allowed for connection
 -s, --silent                 Silent mode
 -S, --show-error             Show error even when -s is used
 -v, --verbose                Make the operation more talkative
     --trace                  (External IP Lab only) print each hop of the path with the Azure or
                              Kubernetes object that decided it. Real curl's --trace <file> dumps
                              bytes instead; this lab flag takes no argument.

In this lab curl runs from a machine on the internet with public IP ${INTERNET_CLIENT_IP}
(a documentation address). A connection that is silently dropped waits --connect-timeout
(or -m), else 127 seconds (Linux SYN retries), in virtual time.
`;

interface Opts {
  verbose: boolean;
  silent: boolean;
  showError: boolean;
  head: boolean;
  trace: boolean;
  headers: string[];
  timeoutMs: number;
  url?: string;
}

function parse(argv: string[]): Opts | string {
  const o: Opts = { verbose: false, silent: false, showError: false, head: false, trace: false, headers: [], timeoutMs: DEFAULT_CONNECT_TIMEOUT_MS };
  let connect: number | undefined;
  let max: number | undefined;
  const secs = (v: string | undefined, flag: string): number | string => {
    const n = Number(v);
    return v !== undefined && Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : `curl: option ${flag}: expected a proper numerical parameter`;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--connect-timeout' || a === '-m' || a === '--max-time') {
      const v = secs(argv[++i], a);
      if (typeof v === 'string') return v;
      if (a === '--connect-timeout') connect = v;
      else max = v;
    } else if (a === '-H' || a === '--header') o.headers.push(argv[++i] ?? '');
    else if (a === '-o' || a === '--output' || a === '-w' || a === '--write-out' || a === '-X' || a === '--request') i++;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--silent') o.silent = true;
    else if (a === '--show-error') o.showError = true;
    else if (a === '--head') o.head = true;
    else if (a === '--trace') o.trace = true;
    else if (a === '--fail' || a === '--location' || a === '--insecure' || a === '-k') continue;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 'v') o.verbose = true;
        else if (c === 's') o.silent = true;
        else if (c === 'S') o.showError = true;
        else if (c === 'I') o.head = true;
        else if (!'fLki'.includes(c)) return `curl: option -${c}: is unknown\ncurl: try 'curl --help' for more information`;
      }
    } else if (a.startsWith('-')) return `curl: option ${a}: is unknown\ncurl: try 'curl --help' for more information`;
    else o.url = a;
  }
  o.timeoutMs = Math.min(connect ?? DEFAULT_CONNECT_TIMEOUT_MS, max ?? Infinity);
  return o;
}

interface Target {
  host: string;
  port: number;
  path: string;
}

function parseUrl(url: string): Target | string {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^?#]*)?/i.exec(url);
  if (!m) return `curl: (3) URL rejected: Malformed input to a URL function`;
  const scheme = (m[1] ?? 'http').toLowerCase();
  return { host: m[2], port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] || '/' };
}

/** DNS: IP literals, the lab's "what is my IP" services, and Azure DNS labels of Public IPs. */
function resolve(ctx: CliContext, host: string): string | undefined {
  if (isIPv4(host)) return host;
  const fqdn = host.toLowerCase();
  const pip = ctx.arm.list({ type: 'Microsoft.Network/publicIPAddresses' }).find((p) => ((p.properties.dnsSettings as { fqdn?: string } | undefined)?.fqdn ?? '').toLowerCase() === fqdn);
  return pip?.properties.ipAddress as string | undefined;
}

const fail = (o: Opts, code: number, msg: string, stderrPrefix = ''): ExecResult => ({ stdout: '', stderr: stderrPrefix + (o.silent && !o.showError ? '' : `curl: (${code}) ${msg}\n`), exitCode: code });

export async function runCurl(ctx: CliContext, argv: string[], origin: CurlOrigin): Promise<ExecResult> {
  if (argv.includes('--help') || argv.includes('-h')) return { stdout: HELP, stderr: '', exitCode: 0 };
  const o = parse(argv);
  if (typeof o === 'string') return { stdout: '', stderr: o + '\n', exitCode: 2 };
  if (!o.url) return { stdout: '', stderr: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
  const t = parseUrl(o.url);
  if (typeof t === 'string') return fail(o, 3, t.replace(/^curl: \(3\) /, ''));
  const v: string[] = [];
  const hostHeader = o.headers.find((h) => /^host:/i.test(h))?.replace(/^host:\s*/i, '') ?? (t.port === 80 ? t.host : `${t.host}:${t.port}`);

  const myIp = WHATS_MY_IP[t.host.toLowerCase()];
  if (myIp !== undefined) {
    if (!origin.callerIp) return fail(o, 6, `Could not resolve host: ${t.host}`);
    return { stdout: origin.callerIp + (myIp ? '\n' : ''), stderr: '', exitCode: 0 };
  }
  const ip = resolve(ctx, t.host);
  if (!ip) return fail(o, 6, `Could not resolve host: ${t.host}`);
  if (!origin.callerIp) return fail(o, 28, `Failed to connect to ${t.host} port ${t.port} after ${o.timeoutMs} ms: Timeout was reached`);
  if (o.verbose) v.push(`*   Trying ${ip}:${t.port}...`);

  const r = walkInbound({ arm: ctx.arm, kube: ctx.kube, now: ctx.clock.now() }, { ip, port: t.port, method: o.head ? 'HEAD' : 'GET', path: t.path, host: hostHeader, callerIp: origin.callerIp, fromNode: origin.node });
  const trace = o.trace ? r.trace.map((l, i) => `[trace] ${i + 1}. ${l}\n`).join('') : '';
  const pre = () => trace + v.map((l) => l + '\n').join('');
  if (r.kind === 'timeout') {
    await ctx.advance(o.timeoutMs);
    return fail(o, 28, `Failed to connect to ${t.host} port ${t.port} after ${o.timeoutMs} ms: Timeout was reached`, pre());
  }
  if (r.kind === 'refused') {
    await ctx.advance(1);
    return fail(o, 7, `Failed to connect to ${t.host} port ${t.port} after 1 ms: Couldn't connect to server`, pre());
  }
  if (r.delayMs) await ctx.advance(r.delayMs);
  if (o.verbose) v.push(`* Connected to ${t.host} (${ip}) port ${t.port}`);
  const reqLines = [`> ${o.head ? 'HEAD' : 'GET'} ${t.path} HTTP/1.1`, `> Host: ${hostHeader}`, '> User-Agent: curl/8.5.0', '> Accept: */*', ...o.headers.filter((h) => !/^host:/i.test(h)).map((h) => `> ${h}`), '> '];
  if (o.verbose) v.push(...reqLines);
  const a = r.answer;
  if (a.kind === 'http09') {
    if (o.verbose) v.push('* Received HTTP/0.9 when not allowed', `* Closing connection`);
    return fail(o, 1, 'Received HTTP/0.9 when not allowed', pre());
  }
  if (a.kind !== 'http') {
    if (o.verbose) v.push('* Empty reply from server', '* Closing connection');
    return fail(o, 52, 'Empty reply from server', pre());
  }
  const head = [`HTTP/1.1 ${a.status} ${a.reason}`, ...a.headers.map(([k, val]) => `${k}: ${val}`)];
  if (o.verbose) v.push(...head.map((l) => `< ${l}`), '< ');
  if (o.verbose) v.push(`* Connection #0 to host ${t.host} left intact`);
  // -v prints the closing line after the body; splitting stderr around stdout is not possible
  // in one ExecResult, so all verbose lines go to stderr together (as `2>&1 | less` would show).
  const stdout = o.head ? head.join('\n') + '\n\n' : a.body;
  return { stdout, stderr: pre(), exitCode: 0 };
}

/** The lab terminal's curl: the caller is the learner's machine on the internet. */
export const curlCommand: CommandFn<CliContext> = ({ argv, ctx }) => runCurl(ctx, argv, { callerIp: INTERNET_CLIENT_IP });
