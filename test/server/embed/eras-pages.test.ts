// Links across the July-2025 reform on the database of both eras: a link naming a unit without a period
// reads pre-2025 codes (docs/eras.md, "Links"), so the share card, the widget's boot and oEmbed show the
// successor with the notice — never Lào Cai for a Yên Bái link in silence — and write `units=` so that the
// links they make say which units they mean; a link with a period or `units=` reads codes in that structure.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbedBoot } from '../../../client/embed/boot.ts';
import { createApp } from '../../../server/app.ts';
import { CLIENT_DIST_DIR } from '../../../server/config/paths.ts';
import { archiveUrls } from '../../../server/tiles/archive.ts';
import { getJson, seededApis } from '../../support/api.ts';

const ORIGIN = 'http://localhost';
const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1]?.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const bootOf = (html: string) => JSON.parse(/id="ntm-embed-boot">([^<]*)</.exec(html)![1]!) as EmbedBoot;

describe.each(seededApis('today'))('links across the reform on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let request: (path: string) => Promise<Response>;
  beforeAll(async () => {
    api = await open();
    if (!existsSync(join(CLIENT_DIST_DIR, 'embed', 'index.html'))) throw new Error('no client build in dist/ (the test setup builds it)');
    const app = createApp({ ctx: api.ctx, distDir: CLIENT_DIST_DIR });
    request = async (path) => app.request(`${ORIGIN}${path}`);
  });
  afterAll(() => api?.close());
  const html = async (path: string) => {
    const res = await request(path);
    expect(res.status, path).toBe(200);
    return res.text();
  };

  it('an old link to province 15 shows Lào Cai as what Yên Bái became, and says so', async () => {
    const page = await html('/?province=15');
    expect(meta(page, 'og:title')).toMatch(/^Tỉnh Lào Cai · /);
    const description = meta(page, 'og:description')!;
    expect(description).toMatch(/^Tỉnh Yên Bái → Tỉnh Lào Cai từ 1\/7\/2025\. /);
    expect(description).toContain('Bộ tiêu chí 51/2025/QĐ-TTg; đơn vị hành chính sau sắp xếp ngày 1/7/2025');
    // With a period (or units=2025-07) the code is read in that period's structure: Yên Bái in 2024, Lào Cai today.
    expect(meta(await html('/?province=15&period=2024-06'), 'og:title')).toMatch(/^Tỉnh Yên Bái · /);
    expect(meta(await html('/?province=15&period=2024-06'), 'og:description')).toContain('Bộ tiêu chí 318/QĐ-TTg; đơn vị hành chính trước ngày 1/7/2025');
    const today = await html('/?province=15&units=2025-07');
    expect(meta(today, 'og:title')).toMatch(/^Tỉnh Lào Cai · /);
    expect(meta(today, 'og:description')).not.toMatch(/Yên Bái/);
  });

  it('the widget of an old link draws today\'s archive and the successor, with the notice and the era\'s set', async () => {
    const boot = bootOf(await html('/embed?province=62'));
    expect(boot).toMatchObject({ province: '51', scopeName: 'Tỉnh Quảng Ngãi', structure: '2025-07', tiles: archiveUrls(api.ctx.builds)['2025-07'] });
    expect(boot.moved).toEqual({ from: { code: '62', name: 'Tỉnh Kon Tum' }, to: [{ code: '51', name: 'Tỉnh Quảng Ngãi' }], forward: true });
    expect(boot.set).toMatchObject({ code: '2026-2030', criteria_count: 10, levels: ['dat_chuan', 'hien_dai'], decision: '51/2025/QĐ-TTg' });
    const old = bootOf(await html('/embed?province=62&period=2024-06'));
    expect(old).toMatchObject({ province: '62', scopeName: 'Tỉnh Kon Tum', structure: 'pre2025', moved: null, tiles: archiveUrls(api.ctx.builds).pre2025 });
    expect(old.set).toMatchObject({ criteria_count: 19, decision: '318/QĐ-TTg' });
  });

  it('oEmbed writes a widget URL that says which units it means', async () => {
    const { body } = await getJson<{ html: string; title: string }>(api.request, `/oembed?url=${encodeURIComponent(`${ORIGIN}/?province=15`)}&format=json`);
    expect(body.html).toContain('province=15&amp;units=2025-07');
    expect(body.title).toContain('Tỉnh Lào Cai');
  });
});
