/** @module The paths of the pages that show a map: the widget's (framed by any origin; the main app only by itself)
 * and the main map page's. Routes, framing headers and oEmbed's accepted URLs read them from here. */

export const EMBED_PATHS: readonly string[] = ['/embed', '/embed/', '/embed/index.html'];
export const MAIN_PATHS: readonly string[] = ['/', '/index.html'];

export function isEmbedPage(path: string): boolean {
  return EMBED_PATHS.includes(path);
}
