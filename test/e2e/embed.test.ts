// The embeddable widget in a browser: a host page of another origin (127.0.0.2) frames /embed?… with the
// auto-resize script, and the map renders, tooltips work and the frame takes the widget's height; the main
// map refuses to be framed there. Then each widget parameter, invalid values (defaults, no error shown),
// the PNG export, screenshots at 600×450 and 390 wide, and the main page's embed-code dialog.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { mapIdle, SCREENSHOTS } from '../support/e2e.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

/** A host page server on another origin: path → HTML. */
async function startHost(pages: Map<string, string>): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const html = pages.get(req.url ?? '/');
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const port = (server.address() as { port: number }).port;
  return { origin: `http://127.0.0.2:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const ready = (target: Page | Frame) => target.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60_000 });
const renderedCount = (target: Page | Frame) => target.evaluate(() => (window as unknown as { ntm: { map: import('maplibre-gl').Map } }).ntm.map.queryRenderedFeatures({ layers: ['communes-fill'] }).length);
const mapEval = <T,>(target: Page | Frame, fn: string) => target.evaluate(`(() => { const map = window.ntm.map; return ${fn}; })()`) as Promise<T>;

/** A point over a rural commune (xã) in the map, in the map canvas's CSS pixels, with its name. */
async function communePoint(target: Page | Frame): Promise<{ x: number; y: number; name: string }> {
  const hit = await target.evaluate(() => {
    const map = (window as unknown as { ntm: { map: import('maplibre-gl').Map } }).ntm.map;
    const { width, height } = map.getCanvas().getBoundingClientRect();
    for (let fy = 0.3; fy <= 0.7; fy += 0.05) {
      for (let fx = 0.3; fx <= 0.7; fx += 0.05) {
        const f = map.queryRenderedFeatures([width * fx, height * fy], { layers: ['communes-fill'] })[0];
        if (f?.properties.type === 'Xã') return { x: width * fx, y: height * fy, name: String(f.properties.name) };
      }
    }
    return null;
  });
  if (!hit) throw new Error('no rural commune under the map centre');
  return hit;
}

describe('embeddable widget', () => {
  let server: ServerProcess;
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  const pages = new Map<string, string>();
  const errors: string[] = [];
  beforeAll(async () => {
    [server, browser, host] = await Promise.all([startServer({ DATABASE_URL: inject('seededSqliteUrl') }), launchBrowser(), startHost(pages)]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await host?.close();
  });

  async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1000, height: 800 }, acceptDownloads: true, ...options })).newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/favicon/.test(m.text())) errors.push(`console: ${m.text()}`);
    });
    return page;
  }
  async function openEmbed(search: string, viewport = { width: 600, height: 450 }, options: BrowserContextOptions = {}): Promise<Page> {
    const page = await newPage({ viewport, ...options });
    await page.goto(`${server.url}/embed${search}`);
    await ready(page);
    return page;
  }
  const shot = async (page: Page, name: string) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  };

  it('renders in a cross-origin iframe, shows tooltips, and is resized by /embed.js', async () => {
    pages.set('/article', `<!doctype html><html><head><meta charset="utf-8"><title>Article</title></head><body style="margin:0;font:16px serif">
      <p style="height:100px">An article about rural development.</p>
      <iframe id="w" src="${server.url}/embed?province=62&amp;height=520" title="Map" width="600" height="300" loading="lazy" style="border:0"></iframe>
      <script async src="${server.url}/embed.js"></script>
      <p style="height:900px">More text.</p></body></html>`);
    const page = await newPage();
    await page.goto(`${host.origin}/article`);
    const frame = page.frameLocator('#w');
    await frame.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    const widget = page.frames().find((f) => f.url().startsWith(`${server.url}/embed`))!;
    expect(await renderedCount(widget)).toBeGreaterThan(50);
    // The host script set the frame's height from the widget's message.
    await page.waitForFunction(() => Math.round(document.getElementById('w')!.getBoundingClientRect().height) === 520, null, { timeout: 10_000 });
    // Hover over a commune: the tooltip names it.
    const box = (await page.locator('#w').boundingBox())!;
    const mapBox = (await widget.locator('#map').boundingBox())!; // relative to the page (frame offset included)
    const point = await communePoint(widget);
    await page.mouse.move(mapBox.x + point.x, mapBox.y + point.y);
    await page.mouse.move(mapBox.x + point.x + 1, mapBox.y + point.y + 1);
    await expect.poll(() => widget.locator('.ntm-tooltip').textContent(), { timeout: 5000 }).toContain(point.name);
    expect(box.width).toBe(600);
    // A wheel over the widget scrolls the article, not the map (cooperative gestures).
    const zoom = await mapEval<number>(widget, 'map.getZoom()');
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await mapEval<number>(widget, 'map.getZoom()')).toBe(zoom);
    await shot(page, 'embed-host-article');
    expect(errors).toEqual([]);
  });

  it('the main map refuses to be framed by another origin; the widget allows it', async () => {
    const main = await fetch(`${server.url}/?province=62`);
    expect(main.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(main.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const embed = await fetch(`${server.url}/embed?province=62`);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('set-cookie')).toBeNull();

    pages.set('/framing-main', `<!doctype html><html><body><iframe id="m" src="${server.url}/?province=62" width="600" height="400"></iframe></body></html>`);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${host.origin}/framing-main`);
    await page.waitForTimeout(2500);
    const framed = page.frames().find((f) => f !== page.mainFrame())!;
    // Blocked: the frame holds Chromium's error page, never the map.
    const hasMap = await framed.evaluate(() => !!document.getElementById('map')).catch(() => false);
    expect(hasMap).toBe(false);
  });

  it('province, district and commune choose the area, title and camera', async () => {
    const province = await openEmbed('?province=62');
    expect(await province.locator('h1').textContent()).toBe('Tỉnh Kon Tum');
    expect(await mapEval<boolean>(province, 'map.getBounds().contains([107.9, 14.6])')).toBe(true);
    expect(await renderedCount(province)).toBeGreaterThan(50);
    const district = await openEmbed('?district=610');
    expect(await district.locator('h1').textContent()).toBe('Huyện Đắk Glei');
    expect(await mapEval<unknown>(district, "map.getFilter('scope-mask')")).toEqual(['!=', ['get', 'district'], '610']);
    const commune = await openEmbed('?commune=23362');
    expect(await commune.locator('h1').textContent()).toBe('Xã Mường Hoong · Huyện Đắk Glei');
    expect(JSON.stringify(await mapEval<unknown>(commune, "map.getFilter('panel-selected-commune')"))).toContain('23362');
    expect(await commune.locator('footer a').getAttribute('href')).toBe(`${server.url}/?province=62&district=610&commune=23362`);
  });

  it('mode, criterion and period choose what is coloured; lang the language', async () => {
    const met = await openEmbed('?province=62&mode=met');
    expect(await met.locator('#embed-subtitle').textContent()).toMatch(/^Số tiêu chí đạt/);
    expect(await met.locator('#embed-legend li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.class))).toEqual(expect.arrayContaining(['lt10', 'b10', 'b15', 'b19']));
    const criterion = await openEmbed('?province=62&mode=criterion&criterion=5');
    expect(await criterion.locator('#embed-subtitle').textContent()).toMatch(/^Tiêu chí 5: /);
    expect(await criterion.locator('#embed-legend li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.class))).toEqual(expect.arrayContaining(['met', 'notMet']));
    const period = await openEmbed('?province=62&period=2023-06');
    expect(await period.locator('#embed-subtitle').textContent()).toContain('tháng 6/2023');
    expect(await period.locator('footer').textContent()).toContain('Số liệu tháng 6/2023');
    const en = await openEmbed('?province=62&lang=en');
    expect(await en.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await en.locator('#embed-subtitle').textContent()).toBe('New rural development level · December 2025');
    expect(await en.locator('footer').textContent()).toMatch(/Source: .*Illustrative figures, not official.*Open the full map/);
  });

  it('title, legend, interactive, special and height shape the widget', async () => {
    const titled = await openEmbed('?province=62&title=Kon%20Tum%3A%20x%C3%A3%20n%C3%B4ng%20th%C3%B4n%20m%E1%BB%9Bi%20%3Cb%3E');
    expect(await titled.locator('h1').textContent()).toBe('Kon Tum: xã nông thôn mới <b>');
    expect(await titled.locator('h1 b').count()).toBe(0);
    const noLegend = await openEmbed('?province=62&legend=off');
    expect(await noLegend.locator('#embed-legend').isVisible()).toBe(false);
    expect(await (await openEmbed('?province=62')).locator('#embed-legend li').count()).toBeGreaterThan(3);
    const fixed = await openEmbed('?province=62&interactive=off');
    expect(await mapEval<boolean[]>(fixed, '[map.dragPan.isEnabled(), map.scrollZoom.isEnabled()]')).toEqual([false, false]);
    const live = await openEmbed('?province=62');
    expect(await mapEval<boolean[]>(live, '[map.dragPan.isEnabled(), map.cooperativeGestures.isEnabled()]')).toEqual([true, true]);
    const noHatch = await openEmbed('?province=62&special=off');
    expect(await mapEval<string>(noHatch, "map.getLayoutProperty('special-hatch', 'visibility')")).toBe('none');
    expect(await noHatch.locator('#embed-legend li[data-class="special"]').count()).toBe(0);
    expect(await mapEval<string>(live, "map.getLayoutProperty('special-hatch', 'visibility')")).toBe('visible');
    expect(await live.locator('#embed-legend li[data-class="special"]').count()).toBe(1);
    const tall = await openEmbed('?province=62&height=380', { width: 600, height: 700 });
    expect(await tall.evaluate(() => Math.round(document.body.getBoundingClientRect().height))).toBe(380);
    expect(errors).toEqual([]);
  });

  it('invalid values fall back to the defaults, with no error shown', async () => {
    const before = errors.length;
    const page = await openEmbed('?province=99&district=abc&commune=1&mode=bogus&criterion=77&period=1999-01&lang=xx&legend=maybe&interactive=2&special=x&height=5&title=');
    expect(await page.locator('h1').textContent()).toBe('Việt Nam');
    expect(await page.locator('#embed-subtitle').textContent()).toBe('Mức đạt chuẩn nông thôn mới · tháng 12/2025');
    expect(await page.locator('#embed-legend').isVisible()).toBe(true);
    expect(await mapEval<boolean>(page, 'map.dragPan.isEnabled()')).toBe(true);
    expect(await mapEval<string>(page, "map.getLayoutProperty('special-hatch', 'visibility')")).toBe('visible');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    // The fallbacks (mode, criterion) redraw after the first choropleth: count once the map is idle again.
    await mapIdle(page);
    expect(await renderedCount(page)).toBeGreaterThan(100);
    expect(await page.locator('body').textContent()).not.toMatch(/lỗi|error/i);
    expect(errors.slice(before)).toEqual([]);
  });

  it('exports a PNG with the map, title, legend and source', async () => {
    const page = await openEmbed('?province=62');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#embed-png')]);
    expect(download.suggestedFilename()).toBe('ntm-embed-2025-12.png');
    const path = await download.path();
    const bytes = (await import('node:fs')).readFileSync(path);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(600); // width: the map's
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(300); // the map plus title and footer bands
  });

  it('looks right at 600×450 and 390 wide (screenshots), and answers a tap with a tooltip', async () => {
    await shot(await openEmbed('?province=62'), 'embed-600x450');
    await shot(await openEmbed('?district=610&mode=met&lang=en'), 'embed-600x450-district-en');
    const phone = await openEmbed('?province=62', { width: 390, height: 520 }, { hasTouch: true, isMobile: true });
    await shot(phone, 'embed-390');
    const mapBox = (await phone.locator('#map').boundingBox())!;
    const point = await communePoint(phone);
    await phone.touchscreen.tap(mapBox.x + point.x, mapBox.y + point.y);
    await expect.poll(() => phone.locator('.ntm-tooltip').textContent(), { timeout: 5000 }).toContain(point.name);
  });

  it('the main map gives the embed code of its view: keyboard, preview, copy, both languages', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${server.url}/?province=62&mode=met`);
    await ready(page);
    const button = page.locator('#open-embed');
    expect(await button.textContent()).toBe('Nhúng');
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('#embed-dialog');
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await dialog.locator('h2').textContent()).toBe('Nhúng bản đồ vào trang của bạn');
    const code = () => page.locator('#embed-code').inputValue();
    expect(await code()).toMatch(new RegExp(`^<iframe src="${server.url}/embed\\?province=62&amp;mode=met" title="Bản đồ nông thôn mới: Tỉnh Kon Tum, tháng 12/2025" width="600" height="450" loading="lazy"`));
    expect(await code()).toContain(`<script async src="${server.url}/embed.js"></script>`);
    // Options change the snippet: no resize script, a size, a title, no legend.
    await page.locator('#embed-resize').uncheck();
    await page.locator('#embed-width').fill('480');
    await page.locator('#embed-title-input').fill('Kon Tum "2025"');
    await page.locator('#embed-legend-input').uncheck();
    expect(await code()).not.toContain('<script');
    expect(await code()).toContain('width="480" height="450"');
    expect(await code()).toContain('title="Kon Tum &quot;2025&quot;"');
    expect(await code()).toContain('title=Kon+Tum+%222025%22&amp;legend=off');
    // The live preview is the widget itself.
    const preview = page.frameLocator('#embed-dialog iframe');
    await preview.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await preview.locator('h1').textContent()).toBe('Kon Tum "2025"');
    expect(await preview.locator('#embed-legend').isVisible()).toBe(false);
    await page.locator('#embed-copy').click();
    await expect.poll(() => page.locator('#embed-dialog [role="status"]').textContent()).toBe('Đã chép mã vào bộ nhớ tạm.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code());
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'embed-dialog-desktop.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-embed');

    const en = await newPage({ viewport: { width: 1280, height: 900 } });
    await en.goto(`${server.url}/?district=610&lang=en`);
    await ready(en);
    expect(await en.locator('#open-embed').textContent()).toBe('Embed');
    await en.locator('#open-embed').click();
    expect(await en.locator('#embed-dialog h2').textContent()).toBe('Embed this map in your page');
    expect(await en.locator('#embed-code').inputValue()).toContain('title="New rural development map: Huyện Đắk Glei, December 2025"');
    expect(await en.locator('#embed-code').inputValue()).toContain('/embed?province=62&amp;district=610&amp;lang=en"');
    expect(errors).toEqual([]);
  });
});
