/**
 * Classic XSS payloads for test/e2e/xss.test.ts. Each one, if it ever ran or was parsed as markup,
 * would leave a trace the test looks for: `window.__xss` set, or an element whose id starts with
 * `xss` or that carries a `data-xss` attribute. `{n}` is replaced by the payload's number, so a
 * finding names the payload that got through.
 *
 * No payload holds a newline (they travel as heredoc lines and single command lines).
 */
const TEMPLATES: string[] = [
  // Script elements
  '<script>window.__xss={n}</script>',
  '<script id=xss{n}>window.__xss={n}</script>',
  '<SCRIPT>window.__xss={n}</SCRIPT>',
  '<scr<script>ipt>window.__xss={n}</scr</script>ipt>',
  '<script src="data:text/javascript,window.__xss={n}"></script>',
  '"><script>window.__xss={n}</script>',
  "'><script>window.__xss={n}</script>",
  '</script><script>window.__xss={n}</script>',
  // Event handlers on images, SVG and friends
  '<img src=x onerror="window.__xss={n}" id=xss{n}>',
  '<img src=x onerror=window.__xss={n} data-xss>',
  '<IMG SRC=x oNeRrOr=window.__xss={n} id=xss{n}>',
  '<img/src=x/onerror=window.__xss={n} id=xss{n}>',
  '<svg onload=window.__xss={n} id=xss{n}>',
  '<svg><script>window.__xss={n}</script></svg>',
  '<svg><animate onbegin=window.__xss={n} attributeName=x dur=1s id=xss{n}>',
  '<body onload=window.__xss={n} data-xss>',
  '<iframe srcdoc="<script>parent.__xss={n}</script>" id=xss{n}></iframe>',
  '<iframe src="javascript:parent.__xss={n}" id=xss{n}></iframe>',
  '<details open ontoggle=window.__xss={n} id=xss{n}>',
  '<video><source onerror=window.__xss={n} id=xss{n}></video>',
  '<audio src=x onerror=window.__xss={n} id=xss{n}>',
  '<input autofocus onfocus=window.__xss={n} id=xss{n}>',
  '<marquee onstart=window.__xss={n} id=xss{n}>',
  '<object data="javascript:window.__xss={n}" id=xss{n}></object>',
  '<embed src="javascript:window.__xss={n}" id=xss{n}>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss={n} id=xss{n}>',
  // javascript: URLs and links
  'javascript:window.__xss={n}',
  'JaVaScRiPt:window.__xss={n}',
  '<a href="javascript:window.__xss={n}" id=xss{n}>click</a>',
  '<a href="&#106;avascript:window.__xss={n}" id=xss{n}>x</a>',
  '<form action="javascript:window.__xss={n}" id=xss{n}><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss={n}" data-xss>',
  // Attribute break-outs
  '" onmouseover="window.__xss={n}" data-xss="',
  "' onfocus='window.__xss={n}' autofocus data-xss='",
  '" autofocus onfocus=window.__xss={n} data-xss x="',
  '`><img src=x onerror=window.__xss={n} id=xss{n}>',
  // Template and markdown-ish
  '{{constructor.constructor("window.__xss={n}")()}}',
  '${window.__xss={n}}',
  '#{window.__xss={n}}',
  '[click](javascript:window.__xss={n})',
  '![x](x"onerror="window.__xss={n})',
  '<%= window.__xss={n} %>',
  // Unicode and RTL tricks
  '\u202e<img src=x onerror=window.__xss={n} id=xss{n}>\u202c',
  '\u200b<script>window.__xss={n}</script>\u200b',
  '\uff1cscript\uff1ewindow.__xss={n}\uff1c/script\uff1e',
  '\ufeff<script>window.__xss={n}</script>',
  // Closing the surrounding element
  '</textarea><img src=x onerror=window.__xss={n} id=xss{n}>',
  '</title><img src=x onerror=window.__xss={n} id=xss{n}>',
  '</style><img src=x onerror=window.__xss={n} id=xss{n}>',
  '</code></td></tr></table><img src=x onerror=window.__xss={n} id=xss{n}>',
  '</text></svg><img src=x onerror=window.__xss={n} id=xss{n}>',
  '<!--<img src=x onerror=window.__xss={n} id=xss{n}>-->',
  '--><img src=x onerror=window.__xss={n} id=xss{n}>',
  '<![CDATA[<img src=x onerror=window.__xss={n} id=xss{n}>]]>',
  // Entity encoded
  '&lt;img src=x onerror=window.__xss={n} id=xss{n}&gt;',
  '&#60;script&#62;window.__xss={n}&#60;/script&#62;',
  '%3Cscript%3Ewindow.__xss={n}%3C/script%3E',
  '\\u003cimg src=x onerror=window.__xss={n} id=xss{n}\\u003e',
  // SVG foreignObject and namespaces
  '<svg><foreignObject><img src=x onerror=window.__xss={n} id=xss{n}></foreignObject></svg>',
  '<svg><a xlink:href="javascript:window.__xss={n}"><text id=xss{n}>x</text></a></svg>',
  "<svg><use href=\"data:image/svg+xml,<svg id='xss{n}' onload='window.__xss={n}'/>\"/></svg>",
  // CSS
  '<style>@import "javascript:window.__xss={n}";</style><b id=xss{n}>',
  '<div style="background:url(javascript:window.__xss={n})" id=xss{n}>',
];

export const XSS_PAYLOADS: readonly string[] = TEMPLATES.map((t, i) => t.replaceAll('{n}', String(i)));

/**
 * Payloads that fit an `azure-pip-tags` value: that annotation is `k1=v1,k2=v2`, and upstream's
 * parser takes a pair only with exactly one `=`, so commas are left out and each `=` becomes `:`
 * (the markup, quotes and script tags stay).
 */
export const TAG_PAYLOADS: readonly string[] = XSS_PAYLOADS.filter((p) => !p.includes(',')).map((p) => p.replaceAll('=', ':'));
