// Tells the page that frames the widget how tall the widget is (`{ type: 'ntm-embed:height', height }`),
// now and whenever its content changes size; the host's /embed.js sets the iframe's height from it.
let last = 0;

function send(): void {
  const height = Math.ceil(document.body.scrollHeight);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'ntm-embed:height', height }, '*');
}

export function postHeight(): void {
  send();
  new ResizeObserver(send).observe(document.body);
}
