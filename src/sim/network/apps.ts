/**
 * What a container answers when an HTTP request reaches it, chosen by image (the lab runs no
 * real software). Only images lessons use are known; see `appFor`.
 */

export interface HttpAnswer {
  kind: 'http';
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/**
 * `http09`: the server spoke, but not HTTP (redis replies `-ERR …`, mysql sends its binary
 * handshake first). curl ≥ 7.66 refuses such a reply: `curl: (1) Received HTTP/0.9 when not allowed`
 * — the message people actually get from `curl <ip>:3306` / `:6379`.
 * `empty`: the lab does not know this image; we answer as a server that accepts and closes,
 * which curl reports as `(52) Empty reply from server`.
 * `refused`: nothing listens on that container port → RST → curl (7).
 */
export type AppAnswer = HttpAnswer | { kind: 'http09' } | { kind: 'empty' } | { kind: 'refused' };

export interface Request {
  method: 'GET' | 'HEAD';
  path: string;
  host: string;
  /** Port the container receives on (targetPort). */
  port: number;
  /** Virtual time, for the Date header. */
  date: Date;
}

const NGINX_VERSION = 'nginx/1.27.4';

/** Our own short equivalent of nginx's stock index.html (same title and first lines). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const AKS_HELLOWORLD = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to Azure Kubernetes Service (AKS)</title>
</head>
<body>
<h1>Welcome to Azure Kubernetes Service (AKS)</h1>
<p>Hello from the AKS helloworld sample.</p>
</body>
</html>
`;

/**
 * nginx's stock error page. Its last line names the server: stock nginx (`server_tokens on`)
 * writes its version, ingress-nginx (`server-tokens: false` by default) writes just `nginx`.
 */
function nginxError(status: number, reason: string, signature = 'nginx'): string {
  return `<html>\n<head><title>${status} ${reason}</title></head>\n<body>\n<center><h1>${status} ${reason}</h1></center>\n<hr><center>${signature}</center>\n</body>\n</html>\n`;
}

/** RFC 7231 IMF-fixdate, from virtual time. */
function httpDate(d: Date): string {
  return d.toUTCString();
}

function html(req: Request, status: number, reason: string, body: string, server?: string): HttpAnswer {
  const headers: [string, string][] = [];
  if (server) headers.push(['Server', server]);
  headers.push(['Date', httpDate(req.date)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']);
  return { kind: 'http', status, reason, headers, body };
}

/** nginx's own error page (as ingress-nginx serves it: `server-tokens` off, no version). */
export function nginxErrorAnswer(req: Request, status: number, reason: string): HttpAnswer {
  return html(req, status, reason, nginxError(status, reason));
}

/** ingress-nginx's controller image: its http port answers by Ingress rules (network/ingress.ts). */
export function isIngressController(image: string): boolean {
  return repoOf(image).toLowerCase().includes('ingress-nginx/controller');
}

type App = { ports: number[] | 'any'; answer(req: Request): AppAnswer };

const nginx: App = {
  ports: [80],
  answer: (req) =>
    req.path === '/' || req.path === '/index.html'
      ? html(req, 200, 'OK', NGINX_WELCOME, NGINX_VERSION)
      : html(req, 404, 'Not Found', nginxError(404, 'Not Found', NGINX_VERSION), NGINX_VERSION),
};

/** nginx's real page for plain HTTP on its TLS port. */
const PLAIN_HTTP_TO_HTTPS = `<html>
<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>
<body>
<center><h1>400 Bad Request</h1></center>
<center>The plain HTTP request was sent to HTTPS port</center>
<hr><center>nginx</center>
</body>
</html>
`;

/** ingress-nginx with no Ingress objects: every request hits the default backend → 404. */
const ingressNginx: App = {
  ports: [80, 443],
  answer: (req) => (req.port === 443 ? html(req, 400, 'Bad Request', PLAIN_HTTP_TO_HTTPS) : html(req, 404, 'Not Found', nginxError(404, 'Not Found'))),
};

const helloworld: App = { ports: [80], answer: (req) => html(req, 200, 'OK', AKS_HELLOWORLD) };
const notHttp = (port: number): App => ({ ports: [port], answer: () => ({ kind: 'http09' }) });

/** Image name without registry path, tag or digest: `docker.io/library/nginx:1.27` → `nginx`. */
function repoOf(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/]*$/, '');
}

export function appFor(image: string): App {
  const repo = repoOf(image).toLowerCase();
  if (repo.includes('ingress-nginx/controller')) return ingressNginx;
  if (repo.endsWith('aks-helloworld')) return helloworld;
  const last = repo.split('/').pop() ?? '';
  if (last === 'nginx' || last === 'nginx-unprivileged') return nginx;
  if (last === 'redis') return notHttp(6379);
  if (last === 'mysql' || last === 'mariadb') return notHttp(3306);
  return { ports: 'any', answer: () => ({ kind: 'empty' }) };
}

/** The container's answer on `req.port`; a port the app does not listen on refuses. */
export function answer(image: string, req: Request): AppAnswer {
  const app = appFor(image);
  if (app.ports !== 'any' && !app.ports.includes(req.port)) return { kind: 'refused' };
  return app.answer(req);
}
