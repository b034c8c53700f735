// Manual check (not a test): screenshots of the views across the reform, desktop and phone, vi and en.
// node --import tsx test/support/era-screenshots.ts http://127.0.0.1:PORT OUTDIR [view-prefix] (a both-eras server)
import { launchBrowser } from './browser.ts';
const base = process.argv[2]!;
const out = process.argv[3]!;
const only = process.argv[4];
const views: Array<[string, string]> = [
  ['default', '/'],
  ['2024-06', '/?period=2024-06'],
  ['province-62', '/?province=62'],
  ['crossed-district', '/?period=2024-06&province=62&district=610'],
  ['widget', '/embed'],
  ['widget-62', '/embed?province=62'],
];
const browser = await launchBrowser();
for (const [name, path] of views) {
  if (only && !name.startsWith(only)) continue;
  for (const lang of ['vi', 'en']) {
    for (const [vp, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
      const page = await (await browser.newContext({ viewport })).newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const url = `${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
      const t0 = Date.now();
      await page.goto(url, { timeout: 120_000 });
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 180_000 });
      await page.waitForTimeout(1500);
      if (name === 'crossed-district') {
        await page.locator('#period-slider').evaluate((el) => {
          const input = el as HTMLInputElement;
          input.value = input.max;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new Event('change', { bubbles: true }));
        });
        await page.waitForTimeout(6000);
      }
      const info = await page.evaluate(() => ({
        url: location.search,
        legend: document.querySelector('#legend h2, #embed-subtitle')?.textContent,
        notice: document.querySelector('#moved-notice:not([hidden]), #embed-moved')?.textContent ?? null,
        district: document.querySelector('label[for="district-select"]')?.textContent ?? null,
        provinces: document.querySelectorAll('#province-select option').length,
        districts: [...document.querySelectorAll('#district-select option')].map((o) => o.textContent).slice(0, 4).join('|'),
        marks: document.getElementById('period-marks')?.textContent ?? null,
        footer: document.getElementById('embed-footer')?.textContent ?? null,
      }));
      console.log(name, lang, vp, `${Date.now() - t0} ms`, JSON.stringify(info), errors.length ? `ERRORS ${errors.join(' / ')}` : '');
      await page.screenshot({ path: `${out}/${name}-${lang}-${vp}.png` });
      await page.context().close();
    }
  }
}
await browser.close();
