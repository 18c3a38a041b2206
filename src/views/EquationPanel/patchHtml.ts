/**
 * Puts typeset HTML into an element by patching what is already there instead of replacing it:
 * the next iteration's equation differs from the last one in its numbers, so most elements are
 * kept as they are (no new nodes, no style to recompute, less to lay out and paint) and only the
 * changed text and attributes are written. Elements that differ in kind are replaced.
 */

/** Makes `to`'s attributes equal to `from`'s. A style goes through the CSSOM (see parse). */
function patchAttributes(to: Element, from: Element) {
  const wanted = from.attributes;
  for (let i = 0; i < wanted.length; i++) {
    const { name, value } = wanted[i];
    if (to.getAttribute(name) === value) continue;
    if (name === 'style') (to as HTMLElement).style.cssText = value;
    else to.setAttribute(name, value);
  }
  const present = to.attributes;
  for (let i = present.length - 1; present.length !== wanted.length && i >= 0; i--) {
    if (!from.hasAttribute(present[i].name)) to.removeAttribute(present[i].name);
  }
}

/** Makes `to`'s children equal to `from`'s, moving nodes out of `from` where `to` has none alike. */
function patchChildren(to: Node, from: Node) {
  let kept = to.firstChild;
  let next = from.firstChild;
  while (next) {
    const following = next.nextSibling;
    if (!kept) {
      to.appendChild(next);
    } else if (kept.nodeType === next.nodeType && kept.nodeName === next.nodeName) {
      if (kept.isEqualNode(next)) {
        // Unchanged (the common case): nothing to write.
      } else if (kept instanceof Element) {
        patchAttributes(kept, next as Element);
        patchChildren(kept, next);
      } else if (kept.nodeValue !== next.nodeValue) {
        kept.nodeValue = next.nodeValue;
      }
      kept = kept.nextSibling;
    } else {
      const replaced = kept;
      kept = kept.nextSibling;
      to.replaceChild(next, replaced);
    }
    next = following;
  }
  while (kept) {
    const extra = kept;
    kept = kept.nextSibling;
    to.removeChild(extra);
  }
}

/** KaTeX's style attributes, renamed before parsing (see parse); KaTeX escapes every `"` in its text, so only attributes match. */
const STYLE_ATTRIBUTE = / style="/g;

/**
 * A detached element holding the parsed HTML (detached: no style, layout or paint yet).
 * Why styles take a detour: KaTeX lays out with style attributes, and the page's
 * Content-Security-Policy (style-src without 'unsafe-inline') makes the parser drop those. It
 * allows styles set through the CSSOM, so they are parsed as data-style and applied that way.
 */
export function parse(doc: Document, html: string): HTMLDivElement {
  const scratch = doc.createElement('div');
  scratch.innerHTML = html.replace(STYLE_ATTRIBUTE, ' data-style="');
  for (const el of scratch.querySelectorAll<HTMLElement | SVGElement>('[data-style]')) {
    el.style.cssText = el.dataset.style ?? '';
    el.removeAttribute('data-style');
  }
  return scratch;
}

/** Sets el's content to `html` (trusted: KaTeX's output), reusing the elements it already has. */
export function patchHtml(el: Element, html: string) {
  patchChildren(el, parse(el.ownerDocument, html));
}
