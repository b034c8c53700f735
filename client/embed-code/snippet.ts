// The HTML a newsroom pastes to embed the widget: a lazy-loaded <iframe> with a title for screen readers,
// and, optionally, the small script that resizes it from the widget's height messages. Pure (no DOM): the
// embed-code dialog and the server's oEmbed answer write the same snippet.

export interface SnippetOptions {
  /** Absolute URL of the widget (…/embed?…). */
  src: string;
  width: number;
  height: number;
  /** What the frame shows, read by screen readers. */
  title: string;
  /** Origin of the server, to add the auto-resize script (<origin>/embed.js); omitted: the iframe only. */
  resizeScriptOrigin?: string;
}

export const DEFAULT_WIDTH = 600;
export const DEFAULT_HEIGHT = 450;

/** Escapes text for an HTML attribute value in double quotes (and for element content). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export function iframeSnippet(o: SnippetOptions): string {
  const iframe =
    `<iframe src="${escapeHtml(o.src)}" title="${escapeHtml(o.title)}" width="${Math.round(o.width)}" height="${Math.round(o.height)}" ` +
    `loading="lazy" style="border:0;width:100%;max-width:${Math.round(o.width)}px" data-ntm-embed></iframe>`;
  return o.resizeScriptOrigin ? `${iframe}\n<script async src="${escapeHtml(`${o.resizeScriptOrigin}/embed.js`)}"></script>` : iframe;
}
