// Walks the demo (npm start must be running) as a person and saves a screenshot of where it stops.
//   node scripts/screenshot-demo.mjs [--destination mlas] [--answer "Failing (500)"] [--until sent|consent|done]
//                                    [--width 1280] [--out /tmp/demo.png]
// `sent`: after the first Submit; `consent`: MLAS's consent step is showing; `done`: agreed, thank-you shown.
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: options } = parseArgs({
  options: {
    destination: { type: 'string', default: 'mlas' },
    answer: { type: 'string' },
    until: { type: 'string', default: 'sent' },
    width: { type: 'string', default: '1280' },
    out: { type: 'string', default: '/tmp/demo.png' },
    base: { type: 'string', default: 'http://localhost:5173' },
  },
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: Number(options.width), height: 1300 } });
page.on('pageerror', (error) => console.log('pageerror:', error.message));
await page.goto(`${options.base}/`);
await page.waitForTimeout(600);
await page.selectOption('#destination', options.destination);
if (options.answer) await page.selectOption('#answer', options.answer);

const person = {
  first_name: 'Jane', last_name: "O'Neil", email: 'jane@example.com', address: '350 Fifth Avenue', city: 'New York',
  zip_code: '10118', date_of_birth: '1985-04-23', description: 'Call after 5pm', company: 'ABC Inc', job_title: 'Director',
};
for (const [name, value] of Object.entries(person)) if (await page.$(`[name=${name}]`)) await page.fill(`[name=${name}]`, value);
// The date of birth is three boxes (month, day, year), the GOV.UK memorable-date pattern.
for (const [part, value] of Object.entries({ month: '4', day: '23', year: '1985' })) {
  if (await page.$(`[name=date_of_birth-${part}]`)) await page.fill(`[name=date_of_birth-${part}]`, value);
}
if (await page.$('[name=state]')) await page.selectOption('[name=state]', 'NY');
await page.type('[name=mobile]', '2125550123');
// Consent on the form (every destination but MLAS, whose consent comes as a step after create).
if (await page.$('input[name=consent]')) await page.check('input[name=consent]');
await page.click('button[type=submit]');

if (options.until === 'sent') await page.waitForTimeout(1500);
else {
  await page.waitForSelector('.lc-step-title', { timeout: 10_000 });
  if (options.until === 'done') {
    await page.check('input[name=consent]');
    await page.click('button[type=submit]');
    await page.waitForSelector('.lc-success', { timeout: 10_000 });
  }
  await page.waitForTimeout(400);
}
await page.screenshot({ path: options.out, fullPage: true });
await browser.close();
