/**
 * Build step: the first screen in index.html, painted before any script runs.
 *
 * 1. Renders the app's default state in Node (src/app/prerender.tsx, loaded through Vite so it
 *    compiles like the app) into <div id="root">.
 * 2. Moves every style attribute of that markup (KaTeX lays out with them, React writes style
 *    props as them) into a stylesheet of its own: the page's Content-Security-Policy has no
 *    'unsafe-inline' for styles, so a browser would refuse them (and report each refusal).
 * 3. Adds the first-paint choice (src/app/boot.ts, built on its own as a classic script) as the
 *    one script in <head>: it hides the prerender when the page opens elsewhere (firstPaint.ts).
 * 4. Preloads the KaTeX fonts the prerendered equations use, which the browser would otherwise
 *    find only after laying them out.
 */
import { createHash } from 'node:crypto';
import { build, createServer, type Plugin, type ResolvedConfig } from 'vite';

/** The attribute that takes a style attribute's place (src/app/hydrate.ts PRERENDER_STYLE_ATTRIBUTE). */
const STYLE_ATTRIBUTE = 'data-ps';
/** The attribute marking the <link> to that stylesheet (src/app/hydrate.ts PRERENDER_SHEET_ATTRIBUTE). */
const PRERENDER_SHEET_ATTRIBUTE = 'data-prerender';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const unescapeAttribute = (v: string) => v.replace(/&(?:amp|quot|#x27|#39|lt|gt);/g, (e) => ENTITIES[e]);

/**
 * `markup` with each ` style="…"` replaced by ` data-ps="k"` (one k per distinct style) and the
 * stylesheet that gives them back: `[data-ps="k"]{…}`, every declaration !important, since an
 * inline style beats any rule and these must beat the app's and KaTeX's rules too.
 * Throws on a style that could break out of its rule.
 */
export function extractStyles(markup: string): { markup: string; css: string } {
  const ids = new Map<string, number>();
  const out = markup.replace(/ style="([^"]*)"/g, (_m, raw: string) => {
    const style = unescapeAttribute(raw);
    if (/[{}<]/.test(style)) throw new Error(`prerender: a style that cannot go in a stylesheet: ${style}`);
    if (!ids.has(style)) ids.set(style, ids.size);
    return ` ${STYLE_ATTRIBUTE}="${ids.get(style)}"`;
  });
  const rules = [...ids].map(([style, k]) => {
    const declarations = style.split(';').map((d) => d.trim()).filter(Boolean).map((d) => `${d.replace(/\s*!important$/, '')} !important`);
    return `[${STYLE_ATTRIBUTE}="${k}"]{${declarations.join(';')}}`;
  });
  return { markup: out, css: `${rules.join('\n')}\n` };
}

/**
 * The KaTeX fonts (file name stems) that the markup's equations use, from KaTeX's classes (its
 * katex.css picks each font by them): upright text and digits in Main, variables in Math italic,
 * `\left( … \right)` in the Size fonts (`delimsizing sizeN`; a bare sizeN is a font size, not a font).
 */
export function katexFontsUsed(markup: string): string[] {
  if (!markup.includes('class="katex"')) return [];
  const used = new Set<string>(['KaTeX_Main-Regular']);
  for (const m of markup.matchAll(/class="([^"]*)"/g)) {
    const classes = m[1].split(/\s+/);
    if (classes.includes('mathnormal')) used.add('KaTeX_Math-Italic');
    if (classes.includes('mathbf')) used.add('KaTeX_Main-Bold');
    if (classes.includes('amsrm')) used.add('KaTeX_AMS-Regular');
    if (classes.includes('delimsizing')) {
      const size = classes.find((c) => /^size[1-4]$/.test(c));
      if (size) used.add(`KaTeX_Size${size.slice(4)}-Regular`);
    }
  }
  return [...used];
}

const hash8 = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 8);

/** The first-paint script's size limit, in bytes (minified, before gzip). */
const BOOT_LIMIT = 1500;

/** Builds src/app/boot.ts alone as a classic script (no imports, no module): it must run before the body is parsed. */
async function buildBoot(root: string): Promise<string> {
  const result = await build({
    configFile: false, root, logLevel: 'warn', publicDir: false,
    build: { write: false, minify: true, lib: { entry: 'src/app/boot.ts', formats: ['iife'], name: 'backpropStudioBoot' } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('prerender: boot.ts built to nothing');
  // It holds up the first paint: an import that drags the store or the engine in must not slip by.
  if (chunk.code.length > BOOT_LIMIT) throw new Error(`prerender: boot.ts built to ${chunk.code.length} bytes (at most ${BOOT_LIMIT}): what did it import?`);
  return chunk.code;
}

/** Renders src/app/prerender.tsx's first screen with the project's Vite config, in Node. */
async function renderApp(config: ResolvedConfig): Promise<string> {
  const server = await createServer({
    configFile: config.configFile, root: config.root, logLevel: 'error', appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const mod = await server.ssrLoadModule('/src/app/prerender.tsx');
    return await (mod.renderFirstScreen as () => Promise<string>)();
  } finally {
    await server.close();
  }
}

export function prerenderFirstScreen(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'backprop-studio:prerender',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (!page || page.type !== 'asset') return; // another build (a worker's)
      const { markup, css } = extractStyles(await renderApp(config));
      const boot = await buildBoot(config.root);
      const bootFile = `${config.build.assetsDir}/boot-${hash8(boot)}.js`;
      this.emitFile({ type: 'asset', fileName: bootFile, source: boot });
      const cssFile = `${config.build.assetsDir}/prerender-${hash8(css)}.css`;
      this.emitFile({ type: 'asset', fileName: cssFile, source: css });
      const fonts = katexFontsUsed(markup)
        .map((name) => Object.keys(bundle).find((f) => f.startsWith(`${config.build.assetsDir}/${name}-`) && f.endsWith('.woff2')))
        .filter((f): f is string => !!f);
      const head = [
        `<script src="./${bootFile}"></script>`,
        ...fonts.map((f) => `<link rel="preload" href="./${f}" as="font" type="font/woff2" crossorigin>`),
      ].join('\n    ');
      let html = String(page.source);
      if (!html.includes('<div id="root"></div>')) throw new Error('prerender: index.html has no empty <div id="root"></div>');
      // The stylesheets first: the first paint waits for them alone, and on a slow network a
      // request made later shares the line with the scripts and fonts asked for before it.
      const sheets = html.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
      for (const sheet of sheets) html = html.replace(sheet, '');
      html = html
        .replace('<title>', `${[...sheets, `<link rel="stylesheet" href="./${cssFile}" ${PRERENDER_SHEET_ATTRIBUTE}>`, head].join('\n    ')}\n    <title>`)
        .replace(/\n\s*\n(\s*<\/head>)/, '\n$1')
        .replace('<div id="root"></div>', () => `<div id="root">${markup}</div>`);
      page.source = html;
    },
  };
}
