// GET /oembed on the seeded databases: a rich oEmbed 1.0 answer for links to this server's map and widget,
// 404 for anything else, 501 for a format other than json, 400 for a malformed size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../server/context/context.ts';
import { expectApiError, getJson, seededApis } from '../../support/api.ts';

interface OEmbed { [key: string]: unknown; version: string; type: string; html: string; width: number; height: number; title: string; provider_name: string; provider_url: string }

const ORIGIN = 'http://localhost';
const oembedPath = (url: string, extra = '') => `/oembed?url=${encodeURIComponent(url)}&format=json${extra}`;

/** The fields oEmbed 1.0 requires of a `rich` answer, with their types (section 2.3.4). */
function expectRich(body: OEmbed): void {
  expect(body.version).toBe('1.0');
  expect(body.type).toBe('rich');
  expect(typeof body.html).toBe('string');
  expect(Number.isInteger(body.width) && body.width > 0).toBe(true);
  expect(Number.isInteger(body.height) && body.height > 0).toBe(true);
  for (const key of ['title', 'provider_name', 'provider_url']) expect(typeof body[key]).toBe('string');
  expect(typeof body.cache_age).toBe('number');
  // No field outside the specification's names.
  for (const key of Object.keys(body)) expect(['type', 'version', 'title', 'author_name', 'author_url', 'provider_name', 'provider_url', 'cache_age', 'thumbnail_url', 'thumbnail_width', 'thumbnail_height', 'html', 'width', 'height']).toContain(key);
}

describe.each(seededApis())('oEmbed ($name)', (engine) => {
  let api: Awaited<ReturnType<typeof engine.open>>;
  let ctx: ApiContext;
  beforeAll(async () => {
    api = await engine.open();
    ctx = api.ctx;
  });
  afterAll(() => api?.close());

  it('answers a link to the main map with the widget iframe of the same view', async () => {
    const { res, body } = await getJson<OEmbed>(api.request, oembedPath(`${ORIGIN}/?province=62&mode=met&lang=en&view=107.8,14.6,8`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expectRich(body);
    expect(body.provider_name).toBe('NTM Map');
    expect(body.provider_url).toBe(`${ORIGIN}/`);
    expect(body.title).toContain(ctx.units.byCode.get('62')!.name);
    expect(body.width).toBe(600);
    expect(body.height).toBe(450);
    expect(body.html).toContain(`src="${ORIGIN}/embed?province=62&amp;mode=met&amp;lang=en"`);
    expect(body.html).toMatch(/^<iframe [^>]*loading="lazy"/);
    expect(body.html).toMatch(/ title="[^"]+"/);
    expect(body.html).toContain('width="600" height="450"');
  });

  it('answers a link to the widget, keeping its parameters, title and height', async () => {
    const { body } = await getJson<OEmbed>(api.request, oembedPath(`${ORIGIN}/embed?district=610&legend=off&interactive=off&special=off&height=520&title=Kon%20Tum%20%22NTM%22`));
    expectRich(body);
    expect(body.height).toBe(520);
    expect(body.title).toBe('Kon Tum "NTM"');
    expect(body.html).toContain('title="Kon Tum &quot;NTM&quot;"');
    // The district's province is added; the widget's own parameters are kept.
    expect(body.html).toContain(`${ORIGIN}/embed?province=${ctx.units.byCode.get('610')!.province}&amp;district=610&amp;special=off&amp;title=Kon+Tum+%22NTM%22&amp;legend=off&amp;interactive=off&amp;height=520`);
  });

  it('keeps within maxwidth and maxheight', async () => {
    const { body } = await getJson<OEmbed>(api.request, oembedPath(`${ORIGIN}/`, '&maxwidth=320&maxheight=240'));
    expectRich(body);
    expect([body.width, body.height]).toEqual([320, 240]);
    expect(body.html).toContain('width="320" height="240"');
    const large = await getJson<OEmbed>(api.request, oembedPath(`${ORIGIN}/`, '&maxwidth=2000&maxheight=2000'));
    expect([large.body.width, large.body.height]).toEqual([600, 450]);
  });

  it('drops unknown codes and periods from the iframe it gives', async () => {
    const { body } = await getJson<OEmbed>(api.request, oembedPath(`${ORIGIN}/?province=99&commune=abc&period=1999-01&mode=nope`));
    expectRich(body);
    expect(body.html).toContain(`src="${ORIGIN}/embed"`);
  });

  it('refuses URLs that are not a map of this server (404)', async () => {
    for (const url of ['https://example.com/?province=62', `${ORIGIN}/api/v1/health`, `${ORIGIN}/workspace/`, 'not a url', 'javascript:alert(1)', `ftp://localhost/`]) {
      await expectApiError(api.request, oembedPath(url), 404, 'not_found', /./);
    }
  });

  it('asks for url (400), refuses a bad maxwidth or maxheight (400) and any format but json (501)', async () => {
    await expectApiError(api.request, '/oembed?format=json', 400, 'invalid_parameter', /url/);
    for (const bad of ['abc', '-5', '0', '12.5', '1e3', '999999']) {
      await expectApiError(api.request, oembedPath(`${ORIGIN}/`, `&maxwidth=${encodeURIComponent(bad)}`), 400, 'invalid_parameter', /maxwidth/);
    }
    await expectApiError(api.request, oembedPath(`${ORIGIN}/`, '&maxheight=x'), 400, 'invalid_parameter', /maxheight/);
    const xml = await api.request(`/oembed?url=${encodeURIComponent(`${ORIGIN}/`)}&format=xml`);
    expect(xml.status).toBe(501);
    expect(((await xml.json()) as { error: { code: string } }).error.code).toBe('not_implemented');
  });
});
