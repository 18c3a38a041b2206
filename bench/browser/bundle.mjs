/** Bundle size: what index.html makes the browser fetch before the app runs, gzipped. No browser needed. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

function attr(tag, name) {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1] ?? null;
}

/** Static `import … from "./x.js"` / `export … from` / `import "./x.js"` of a built chunk (not import()). */
function staticImports(code) {
  const out = [];
  for (const m of code.matchAll(/(?:^|[^.\w$])(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+?\.js)["']/g)) out.push(m[1]);
  return out;
}

export function measureBundle(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const resolveRef = (ref, from) => (ref.startsWith('/') ? join(dist, ref) : resolve(from, ref.split(/[?#]/)[0]));
  const initial = new Set();
  const css = new Set();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    // Module entries and the classic first-paint script in <head> alike: the first screen waits for both.
    if (src) initial.add(resolveRef(src, dist));
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') initial.add(resolveRef(href, dist));
    if (rel === 'stylesheet') css.add(resolveRef(href, dist));
  }
  // The browser also fetches every static import of those chunks before running them.
  const queue = [...initial];
  while (queue.length) {
    const file = queue.pop();
    if (!existsSync(file)) continue;
    for (const ref of staticImports(readFileSync(file, 'utf8'))) {
      const dep = resolve(dirname(file), ref);
      if (!initial.has(dep) && existsSync(dep)) {
        initial.add(dep);
        queue.push(dep);
      }
    }
  }
  const sizeOf = (file) => {
    const body = readFileSync(file);
    return { file: relative(dist, file), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  };
  const allJs = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.m?js$/.test(name)) allJs.push(p);
    }
  };
  walk(dist);
  const chunks = allJs.map((f) => ({ ...sizeOf(f), initial: initial.has(f) })).sort((a, b) => b.gzip - a.gzip);
  const initialChunks = chunks.filter((c) => c.initial);
  const cssSizes = [...css].filter(existsSync).map(sizeOf);
  return {
    initialGzip: initialChunks.reduce((s, c) => s + c.gzip, 0),
    initialRaw: initialChunks.reduce((s, c) => s + c.raw, 0),
    initialCount: initialChunks.length,
    cssGzip: cssSizes.reduce((s, c) => s + c.gzip, 0),
    chunks,
  };
}
