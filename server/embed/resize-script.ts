/** @module /embed.js: the optional script a host page adds beside the widget's <iframe>. It listens for the
 * widget's `{ type: 'ntm-embed:height', height }` messages and sets the height of the iframe that sent
 * it; messages from any other origin than this server's are ignored. Plain ES5, no dependency, ~0.6 KB. */

/** The source of /embed.js, served as it is (see the module header). */
export const RESIZE_SCRIPT = `/* NTM Map: auto-resize of embedded widgets (iframes of /embed). */
(function () {
  if (window.__ntmEmbedResize) return;
  window.__ntmEmbedResize = true;
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src, location.href).origin : null;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'ntm-embed:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    if (origin && event.origin !== origin) return;
    var height = Math.max(120, Math.min(4000, Math.ceil(data.height)));
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = height + 'px';
        frames[i].setAttribute('height', String(height));
      }
    }
  });
})();
`;
