/**
 * Files handed to the learner: a Blob behind a blob: URL, opened by a temporary <a download>.
 * (Needs no inline script and no eval; the PNG path loads the SVG into an <img> from a blob:
 * URL, so a Content-Security-Policy must allow img-src blob:.)
 */

/** How long a download's blob: URL lives: long enough for the browser to start reading it. */
const URL_LIFETIME_MS = 60_000;

/** Offers `blob` as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
}

/** Offers `text` as a UTF-8 file. */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/**
 * The SVG document `svg` (width × height user units) drawn at `scale` into a PNG: an <img> of the
 * SVG's blob: URL painted onto a canvas. Rejects when the browser cannot decode or encode it.
 */
export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The PNG scale for a picture `width` px wide on screen: twice that, and at least 1200 px wide. */
export function pngScale(width: number): number {
  return Math.max(2, 1200 / width);
}
