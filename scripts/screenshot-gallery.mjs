// Screenshots the three gallery pages (npm start must be running): empty, and with errors showing.
import { chromium } from 'playwright-core';
const base = process.argv[2] ?? 'http://localhost:5173';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const name of ['clinic', 'night', 'banner']) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on('pageerror', (e) => console.log(name, 'pageerror:', e.message));
  await page.goto(`${base}/demo/gallery/${name}.html`);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `/tmp/gallery-${name}.png`, fullPage: true });
  await page.click('button[type=submit]');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/gallery-${name}-errors.png`, fullPage: true });
  await page.close();
}
await browser.close();
