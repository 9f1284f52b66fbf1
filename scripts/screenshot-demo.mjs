import { chromium } from 'playwright-core';
const [out, destination, answer] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
await page.goto('http://localhost:5173/');
await page.waitForTimeout(600);
await page.selectOption('#destination', destination);
await page.waitForTimeout(200);
if (answer) await page.selectOption('#answer', answer);
const values = { first_name: 'Jane', last_name: "O'Neil", email: 'jane@example.com', address: '350 Fifth Avenue', city: 'New York', zip_code: '10118', date_of_birth: '1985-04-23', description: 'Call after 5pm', company: 'ABC Inc', job_title: 'Director' };
for (const [name, value] of Object.entries(values)) { if (await page.$(`[name=${name}]`)) await page.fill(`[name=${name}]`, value); }
if (await page.$('[name=state]')) await page.selectOption('[name=state]', 'NY');
await page.type('[name=mobile]', '2125550123');
await page.click('button[type=submit]');
await page.waitForTimeout(1500);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
