/** @module The HTML of the main map page and of the widget as the server sends them: the built page (dist/) with
 * the view's share card written into its head (Open Graph, Twitter, description, the oEmbed discovery link,
 * the title and language), and a JSON data block (no script runs from it, so the CSP needs no inline
 * script): for the main page the server's health (the archive URL, the periods), so that the map is created
 * without asking for it; for the widget the view as resolved here, so that it draws without asking for
 * health or unit lists. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../../client/embed-code/snippet.ts';
import type { EmbedBoot } from '../../client/embed/boot.ts';
import { mainlandBox } from '../../client/map/archipelagos.ts';
import type { ApiContext } from '../context/context.ts';
import { health } from '../health/health.ts';
import { archiveUrl, archiveUrls } from '../tiles/archive.ts';
import { dataDate } from './data-date.ts';
import { shareCard } from './share-card.ts';
import { resolveView, type ResolvedView } from './view.ts';

/** Which page is sent: the main map or the widget. */
export type PageKind = 'main' | 'embed';
const FILES: Record<PageKind, string> = { main: 'index.html', embed: join('embed', 'index.html') };

/** Reads a built page, again only when its file changed (a rebuild while the server runs). */
export function pageTemplates(distDir: string): (kind: PageKind) => string | null {
  const cache = new Map<PageKind, { mtime: number; html: string }>();
  return (kind) => {
    const file = join(distDir, FILES[kind]);
    let mtime: number;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    const hit = cache.get(kind);
    if (hit && hit.mtime === mtime) return hit.html;
    const html = readFileSync(file, 'utf8');
    cache.set(kind, { mtime, html });
    return html;
  };
}

/** The oEmbed discovery link of a page's URL, for the page's head. */
export function oembedHref(origin: string, pageUrl: string): string {
  return `${origin}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`;
}

function embedBoot(ctx: Pick<ApiContext, 'builds' | 'periods' | 'units'>, view: ResolvedView, date: string | null): EmbedBoot {
  const scope = view.district ?? view.province;
  // A province with an island district is shown where its communes are (mainlandBox).
  const units = view.era?.units ?? ctx.units;
  const scopeBox = view.district ? view.district.bbox : view.province ? (mainlandBox(units.children(view.province.code)) ?? view.province.bbox) : null;
  return {
    // The archive of the period's structure: the widget draws one archive, never the other first.
    tiles: archiveUrls(ctx.builds)[units.structure] ?? archiveUrl(ctx.builds.pre2025.manifest),
    set: view.era ? { code: view.era.set.code, criteria_count: view.era.set.criteria_count, levels: [...view.era.set.levels], decision: view.era.set.decision } : null,
    structure: units.structure,
    moved: view.moved,
    archives: archiveUrls(ctx.builds),
    periods: ctx.periods.range(),
    period: view.period,
    province: view.province?.code ?? null,
    district: view.district?.code ?? null,
    commune: view.commune?.code ?? null,
    scopeName: scope?.name ?? null,
    communeName: view.commune?.name ?? null,
    bbox: scopeBox ?? view.commune?.bbox ?? null,
    dataDate: date,
  };
}

/** JSON safe inside a <script> element (no `</script>`, no `<!--`). */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The page with its share card; `origin` is the public origin its absolute URLs are written with. */
export async function renderPage(ctx: ApiContext, template: string, requestUrl: string, kind: PageKind, origin = new URL(requestUrl).origin): Promise<string> {
  const asked = new URL(requestUrl);
  const url = new URL(`${asked.pathname}${asked.search}`, origin);
  const view = resolveView(ctx, url.search);
  const [card, date, self] = await Promise.all([shareCard(ctx, view), kind === 'embed' ? dataDate(ctx) : null, kind === 'main' ? health(ctx) : null]);
  const title = kind === 'embed' && view.params.title ? view.params.title : card.title;
  const e = escapeHtml;
  const tags = [
    `<meta name="description" content="${e(card.description)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="NTM Map" />`,
    `<meta property="og:title" content="${e(title)}" />`,
    `<meta property="og:description" content="${e(card.description)}" />`,
    `<meta property="og:url" content="${e(url.href)}" />`,
    `<meta property="og:locale" content="${card.lang === 'en' ? 'en_GB' : 'vi_VN'}" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${e(title)}" />`,
    `<meta name="twitter:description" content="${e(card.description)}" />`,
    `<link rel="alternate" type="application/json+oembed" href="${e(oembedHref(url.origin, url.href))}" title="${e(title)}" />`,
    kind === 'embed'
      ? `<script type="application/json" id="ntm-embed-boot">${scriptJson(embedBoot(ctx, view, date))}</script>`
      : `<script type="application/json" id="ntm-boot">${scriptJson(self)}</script>`,
  ];
  return template
    // Replacer functions: a `$` in a title must not be read as a replacement pattern.
    .replace(/<html lang="[^"]*"/, () => `<html lang="${card.lang}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${e(title)}</title>`)
    .replace('</head>', () => `    ${tags.join('\n    ')}\n  </head>`);
}
