// One URL, one reading: a query that is not valid percent-encoded UTF-8 is refused with 400 naming the
// parameter (before, `search?q=%EF%BF%BD` was answered with the cached body of `q=%ff`, which the handler
// had read as the three characters "%ff"), and two queries that differ as sent never share a cached body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorBody, seededApis } from '../../support/api.ts';

describe.each(seededApis())('query encoding on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    api = await open();
  });
  afterAll(() => api?.close());

  it('refuses invalid percent-encoding with 400, and the replacement character gets its own answer', async () => {
    const bad = await api.request('/api/v1/search?q=%ff');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.message).toBe("Parameter 'q' (query): not valid percent-encoded UTF-8");
    expect(bad.headers.get('Cache-Control')).toBe('no-store');
    const replacement = await api.request('/api/v1/search?q=%EF%BF%BD');
    // U+FFFD is read as itself (no letter or digit to search for), not as %ff's refusal.
    expect(((await replacement.json()) as ErrorBody).error.message).not.toMatch(/percent-encoded/);
    const word = await api.request('/api/v1/search?q=%EF%BF%BDkon');
    expect(word.status).toBe(200);
    expect(((await word.json()) as { query: string }).query).toBe('\uFFFDkon');
    // Asked again after the replacement character was cached, %ff is still refused (not served that body).
    expect((await api.request('/api/v1/search?q=%ff')).status).toBe(400);
    expect((await api.request('/api/v1/units/62?x=%E0%A4%A')).status).toBe(400);
  });

  it('caches by the query as sent: the order of parameters does not matter, their spelling does', async () => {
    const a = await api.request('/api/v1/search?q=kon%20tum&limit=3');
    const b = await api.request('/api/v1/search?limit=3&q=kon%20tum');
    expect(await b.text()).toBe(await a.text());
    const plus = await api.request('/api/v1/search?q=kon+tum&limit=3');
    expect(plus.status).toBe(200);
    expect(((await plus.json()) as { query: string }).query).toBe('kon tum');
  });
});
