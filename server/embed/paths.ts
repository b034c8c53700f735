/** @module The paths of the pages that show a map: the widget's (framed by any origin; the main app only by itself)
 * and the main map page's. Routes, framing headers and oEmbed's accepted URLs read them from here. */

/** The widget's paths: any origin may frame them. */
export const EMBED_PATHS: readonly string[] = ['/embed', '/embed/', '/embed/index.html'];
/** The main map page's paths: only this server may frame them. */
export const MAIN_PATHS: readonly string[] = ['/', '/index.html'];

/** Whether a path is the widget's page (framed by anyone) rather than the app's. */
export function isEmbedPage(path: string): boolean {
  return EMBED_PATHS.includes(path);
}
