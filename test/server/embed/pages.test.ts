// The pages as the server writes them: Open Graph and Twitter cards naming the area and its figures (for
// unfurlers that run no JavaScript), the oEmbed discovery link, everything escaped; framing headers per page;
// the main page's and the widget's boot data; the resize script. And the widget's parameters as the server and browser read them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedParamsFromSearch, searchFromEmbedParams } from '../../../client/embed/params.ts';
import type { EmbedBoot } from '../../../client/embed/boot.ts';
import type { ApiContext } from '../../../server/context/context.ts';
import { createApp } from '../../../server/app.ts';
import { CLIENT_DIST_DIR } from '../../../server/config/paths.ts';
import { atLeast, tallyOf } from '../../../server/summary/tally.ts';
import { seededApis } from '../../support/api.ts';

const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
const unescape = (s: string | undefined) => s?.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('embed parameters', () => {
  it('reads every parameter, with defaults for anything malformed', () => {
    const p = embedParamsFromSearch('?province=62&district=610&commune=23362&mode=criterion&criterion=5&period=2024-06&lang=en&title=%20My%20%20map%20&legend=off&interactive=off&special=off&height=500');
    expect(p.map).toMatchObject({ province: '62', district: '610', commune: '23362', mode: 'criterion', criterion: 5, period: '2024-06', lang: 'en', special: false });
    expect([p.title, p.legend, p.interactive, p.height]).toEqual(['My map', false, false, 500]);
    const bad = embedParamsFromSearch('?province=6&district=x&commune=123&mode=x&criterion=20&period=2024-13&lang=fr&title=&legend=x&interactive=x&special=x&height=50');
    expect(bad.map).toMatchObject({ province: null, district: null, commune: null, mode: 'level', criterion: 1, period: null, lang: 'vi', special: true });
    expect([bad.title, bad.legend, bad.interactive, bad.height]).toEqual([null, true, true, null]);
    expect(embedParamsFromSearch('?height=2001').height).toBeNull();
    expect(embedParamsFromSearch('?special=0').map.special).toBe(false); // the main app's spelling
    expect(embedParamsFromSearch(`?title=${'x'.repeat(300)}`).title).toHaveLength(140);
  });

  it('writes them back (round trip)', () => {
    const search = '?province=62&mode=met&period=2024-06&lang=en&special=off&title=A+map&legend=off&interactive=off&height=500';
    expect(searchFromEmbedParams(embedParamsFromSearch(search))).toBe(search);
    expect(searchFromEmbedParams(embedParamsFromSearch(''))).toBe('');
  });
});

describe.each(seededApis())('pages and share cards ($name)', (engine) => {
  let api: Awaited<ReturnType<typeof engine.open>>;
  let ctx: ApiContext;
  let request: (path: string) => Promise<Response>;
  beforeAll(async () => {
    api = await engine.open();
    ctx = api.ctx;
    if (!existsSync(join(CLIENT_DIST_DIR, 'embed', 'index.html'))) throw new Error('no client build in dist/ (the test setup builds it)');
    const app = createApp({ ctx, distDir: CLIENT_DIST_DIR });
    request = async (path) => app.request(path);
  });
  afterAll(() => api?.close());

  const page = async (path: string) => {
    const res = await request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    return { res, html: await res.text() };
  };

  it('names the province and its figures in the main page\'s cards', async () => {
    const { res, html } = await page('/?province=62&lang=en');
    const period = ctx.periods.latest()!;
    const tally = tallyOf(ctx.units, await ctx.status.at(period), period, '62');
    const title = unescape(meta(html, 'og:title'));
    expect(title).toBe('Tỉnh Kon Tum · New rural development map');
    expect(unescape(meta(html, 'twitter:title'))).toBe(title);
    const description = unescape(meta(html, 'og:description'))!;
    expect(description).toContain(`December 2025: ${atLeast(tally.levels, 'dat_chuan')} of ${tally.communes} rural communes at the NTM standard or above`);
    expect(description).toContain('Illustrative figures, not official.');
    expect(unescape(meta(html, 'twitter:description'))).toBe(description);
    expect(meta(html, 'twitter:card')).toBe('summary');
    expect(meta(html, 'og:locale')).toBe('en_GB');
    expect(html).toContain('<html lang="en"');
    expect(html).toContain(`<title>${'Tỉnh Kon Tum · New rural development map'}</title>`);
    expect(html).toContain('<link rel="alternate" type="application/json+oembed" href="http://localhost/oembed?url=http%3A%2F%2Flocalhost%2F%3Fprovince%3D62%26lang%3Den&amp;format=json"');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('names a commune with its district and province, criteria met and level (Vietnamese by default)', async () => {
    const { html } = await page('/?commune=23362');
    const s = (await ctx.status.at(ctx.periods.latest()!)).get('23362')!;
    expect(unescape(meta(html, 'og:title'))).toBe('Xã Mường Hoong (Huyện Đắk Glei, Tỉnh Kon Tum) · Bản đồ nông thôn mới');
    expect(unescape(meta(html, 'og:description'))).toMatch(new RegExp(`^Tháng 12/2025: đạt ${s.met}/19 tiêu chí, `));
    expect(meta(html, 'og:locale')).toBe('vi_VN');
    // A district, and a path the client routes (the catch-all) get their cards too.
    expect(unescape(meta((await page('/?district=610')).html, 'og:title'))).toBe('Huyện Đắk Glei (Tỉnh Kon Tum) · Bản đồ nông thôn mới');
    expect(unescape(meta((await page('/some/client/path?province=62')).html, 'og:title'))).toBe('Tỉnh Kon Tum · Bản đồ nông thôn mới');
    expect(unescape(meta((await page('/')).html, 'og:title'))).toBe('Bản đồ nông thôn mới · Việt Nam');
  });

  it('escapes what comes from the link', async () => {
    const evil = '"><script>alert(1)</script>&\'$&$`';
    const { html } = await page(`/embed?province=62&title=${encodeURIComponent(evil)}&x=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(unescape(meta(html, 'og:title'))).toBe(evil.replace(/\s+/g, ' '));
    expect(html).toContain('<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;$&amp;$`</title>');
  });

  it('lets any origin frame the widget, and gives it the view resolved (unknown codes dropped)', async () => {
    const { res, html } = await page('/embed?district=610&period=2024-06&lang=en');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('set-cookie')).toBeNull();
    const boot = JSON.parse(/<script type="application\/json" id="ntm-embed-boot">([^<]*)<\/script>/.exec(html)![1]!) as EmbedBoot;
    expect(boot).toMatchObject({ province: '62', district: '610', commune: null, period: '2024-06', scopeName: 'Huyện Đắk Glei', tiles: `/tiles/${ctx.builds.pre2025.manifest.archive.hashedName}` });
    expect(boot.archives).toEqual({ pre2025: boot.tiles, '2025-07': `/tiles/${ctx.builds['2025-07'].manifest.archive.hashedName}` });
    expect(boot.bbox).toEqual(ctx.units.byCode.get('610')!.bbox);
    expect(boot.dataDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Khánh Hòa is shown where its communes are: its own box runs out to Trường Sa (to 115.8° E).
    const khanhHoa = JSON.parse(/id="ntm-embed-boot">([^<]*)</.exec((await page('/embed?province=56')).html)![1]!) as EmbedBoot;
    expect(ctx.units.byCode.get('56')!.bbox![2]).toBeGreaterThan(115);
    expect(khanhHoa.bbox![2]).toBeLessThan(110);
    expect(khanhHoa.bbox![0]).toBeGreaterThan(108);
    const unknown = await page('/embed?province=99&district=999&commune=99999&period=1999-01');
    const b2 = JSON.parse(/id="ntm-embed-boot">([^<]*)</.exec(unknown.html)![1]!) as EmbedBoot;
    expect(b2).toMatchObject({ province: null, district: null, commune: null, period: ctx.periods.latest(), bbox: null });
  });

  it("carries the server's health in the main page, the same as /api/v1/health says (so the map starts without asking)", async () => {
    const { html } = await page('/?province=62');
    const boot = JSON.parse(/<script type="application\/json" id="ntm-boot">([^<]*)<\/script>/.exec(html)![1]!) as Record<string, unknown>;
    const health = (await (await request('/api/v1/health')).json()) as Record<string, unknown>;
    expect(boot).toEqual(health);
    expect(boot).toMatchObject({ tiles: `/tiles/${ctx.builds.pre2025.manifest.archive.hashedName}`, periods: ctx.periods.range(), communes: 10047 });
    expect(html).not.toContain('id="ntm-embed-boot"');
  });

  it('serves the auto-resize script and compressed, long-cached client assets', async () => {
    const res = await request('/embed.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toContain("'ntm-embed:height'");
    const script = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec((await page('/embed')).html)![1]!;
    const app = createApp({ ctx, distDir: CLIENT_DIST_DIR });
    const br = await app.request(script, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toContain('immutable');
    const plain = await app.request(script);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.text()).length).toBeGreaterThan(1000);
  });

  it("does not serve the build's own files (Vite's manifest)", async () => {
    expect(existsSync(join(CLIENT_DIST_DIR, '.vite', 'manifest.json'))).toBe(true);
    const res = await request('/.vite/manifest.json');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('"file"');
  });
});
