import { chromium } from 'playwright-core';
const [url, out, action] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
page.on('console', (m) => console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(800);
if (action === 'fill') {
  await page.fill('[name=first_name]', 'Jane');
  await page.fill('[name=last_name]', "O'Neil");
  await page.fill('[name=email]', 'jane@example.com');
  await page.type('[name=mobile]', '2125550123');
  await page.fill('[name=zip_code]', '10001');
  await page.click('button[type=submit]');
  await page.waitForTimeout(800);
}
if (action === 'invalid') {
  await page.fill('[name=email]', 'jane@');
  await page.type('[name=mobile]', '555123');
  await page.click('button[type=submit]');
  await page.waitForTimeout(500);
}
await page.screenshot({ path: out, fullPage: true });
await browser.close();
