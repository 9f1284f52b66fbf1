// Screenshots the demo's deferred consent step (MLAS): fills the form, creates, and captures the step.
import { chromium } from 'playwright-core';
const [out = '/tmp/consent-step.png', width = '1280'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 1100 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto('http://localhost:5173/');
await page.waitForTimeout(600);
const values = { first_name: 'Jane', last_name: "O'Neil", email: 'jane@example.com', address: '350 Fifth Avenue', city: 'New York', zip_code: '10118', date_of_birth: '1985-04-23' };
for (const [name, value] of Object.entries(values)) await page.fill(`[name=${name}]`, value);
await page.selectOption('[name=state]', 'NY');
await page.type('[name=mobile]', '2125550123');
await page.click('button[type=submit]');
await page.waitForSelector('.lc-step-title');
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
