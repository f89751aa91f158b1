// Drives the sample's HTML page in headless Chromium the way a person does: adds to the cart,
// removes an item, walks the checkout wizard (including a step back), and checks what the page
// shows after every step. A second visitor must see none of it.
//
//   BASE_URL=http://127.0.0.1:8080/ [OTHER_URL=http://127.0.0.1:8081/] node sample-page.test.mjs
//
// With OTHER_URL (a second instance sharing the table), the test also follows the page's link to
// it and expects the same session there.
// The browser is Debian's chromium (CHROMIUM chooses another binary); playwright-core never
// downloads one. Every request goes to BASE_URL on the loopback interface.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL;
const other = process.env.OTHER_URL;
for (const url of [base, other ?? base]) {
  if (!url || !/^http:\/\/127\.0\.0\.1:\d+\/$/.test(url)) {
    console.error('Set BASE_URL (and OTHER_URL) to the sample, e.g. http://127.0.0.1:8080/');
    process.exit(2);
  }
}

const profile = mkdtempSync(join(tmpdir(), 'dysession-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
// Nothing but the sample: any other request fails the test.
const foreign = [];
await browser.route('**/*', (route) => {
  if (route.request().url().startsWith(base) || (other && route.request().url().startsWith(other))) {
    return route.continue();
  }
  foreign.push(route.request().url());
  return route.abort();
});

let passed = 0;
let failed = 0;
async function step(what, body) {
  try {
    await body();
    passed++;
    console.log(`PASS  ${what}`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${what}: ${e.message.split('\n').slice(0, 6).join('\n      ')}`);
  }
}

const page = browser.pages()[0] ?? await browser.newPage();
page.setDefaultTimeout(30_000);
const cart = page.locator('section', { has: page.getByRole('heading', { name: 'Cart' }) });
const checkout = page.locator('section', { has: page.getByRole('heading', { name: 'Checkout' }) });
const productRow = (name) => page.locator('tr', { hasText: name }).first();
const cartRow = (name) => cart.locator('tr', { hasText: name });

async function addToCart(name, quantity) {
  await productRow(name).getByLabel(`Quantity of ${name}`).fill(String(quantity));
  await submit('Add to cart', productRow(name));
  assert.equal(page.url(), base, 'the form redirects back to the page');
}

async function submit(button, scope = page) {
  await Promise.all([page.waitForNavigation(), scope.getByRole('button', { name: button }).click()]);
}

const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ');

await step('the page opens with an empty cart at the contact step', async () => {
  await page.goto(base);
  assert.equal(await page.locator('h1').innerText(), 'Tea shop');
  assert.match(await text(cart), /Your cart is empty/);
  assert.match(await text(checkout.locator('.steps b')), /1\. Contact/);
  assert.match(await text(page.locator('#served-by')), /No session stored yet\./);
  assert.equal(await text(page.locator('#dynamodb-calls')), 'none', 'no session, no DynamoDB call');
});

await step('adding 2 green teas and a mug shows both lines and the total', async () => {
  await addToCart('Sencha green tea, 100 g', 2);
  await addToCart('Stoneware mug', 1);
  assert.match(await text(cartRow('Sencha green tea')), /Sencha green tea, 100 g 2 \$13\.00/);
  assert.match(await text(cartRow('Stoneware mug')), /Stoneware mug 1 \$14\.00/);
  assert.match(await text(cart.locator('tr', { hasText: 'Total' })), /Total 3 \$27\.00/);
});

await step('removing the mug leaves the tea', async () => {
  await submit('Remove', cartRow('Stoneware mug'));
  assert.equal(await cartRow('Stoneware mug').count(), 0);
  assert.match(await text(cart.locator('tr', { hasText: 'Total' })), /Total 2 \$13\.00/);
});

await step('the cart is still there after a reload', async () => {
  await page.reload();
  assert.match(await text(cart.locator('tr', { hasText: 'Total' })), /Total 2 \$13\.00/);
});

await step('the page shows the DynamoDB call it made and the stored item\'s size', async () => {
  await page.reload();
  assert.match(await text(page.locator('#dynamodb-calls')), /^GetItem \(\d+\.\d ms\)$/);
  assert.match(await text(page.locator('#dynamodb-item')), /^\d+ bytes$/);
});

if (other) {
  await step('the other instance serves the same session, stored under the same key', async () => {
    const onA = await text(page.locator('#served-by'));
    assert.match(onA, /Served by instance A /);
    const key = onA.match(/stored under key ([A-Za-z0-9_-]{12})…/)?.[1];
    assert.ok(key, `no session key shown: ${onA}`);
    await Promise.all([page.waitForNavigation(), page.locator('#other-instance').click()]);
    assert.equal(page.url(), other);
    const onB = await text(page.locator('#served-by'));
    assert.match(onB, /Served by instance B /);
    assert.ok(onB.includes(`stored under key ${key}…`), `B shows another key: ${onB}`);
    assert.match(await text(cart.locator('tr', { hasText: 'Total' })), /Total 2 \$13\.00/);
    await Promise.all([page.waitForNavigation(), page.locator('#other-instance').click()]);
    assert.equal(page.url(), base);
  });
}

await step('step 1: the contact details lead to the shipping step', async () => {
  await checkout.getByLabel('Name').fill('Ada Lovelace');
  await checkout.getByLabel('E-mail').fill('ada@example.com');
  await submit('Next', checkout);
  assert.match(await text(checkout.locator('.steps b')), /2\. Shipping/);
});

await step('step 2: the address and express shipping lead to the review', async () => {
  await checkout.getByLabel('Street and number').fill('1 Main St');
  await checkout.getByLabel('City').fill('Springfield');
  await checkout.getByLabel('Postal code').fill('12345');
  await checkout.getByLabel('Country').fill('US');
  await checkout.getByLabel('Express').check();
  await submit('Next', checkout);
  assert.match(await text(checkout.locator('.steps b')), /3\. Review/);
  const review = await text(checkout);
  assert.match(review, /Ada Lovelace <ada@example\.com>/);
  assert.match(review, /1 Main St, 12345 Springfield, US/);
  assert.match(review, /Items \$13\.00 \+ shipping \$9\.90 = \$22\.90/);
});

await step('back to step 2 keeps what was typed', async () => {
  await submit('Back', checkout);
  assert.match(await text(checkout.locator('.steps b')), /2\. Shipping/);
  assert.equal(await checkout.getByLabel('City').inputValue(), 'Springfield');
  assert.equal(await checkout.getByLabel('Express').isChecked(), true);
  await submit('Next', checkout);
  assert.match(await text(checkout.locator('.steps b')), /3\. Review/);
});

await step('step 3: placing the order shows its number and empties the cart', async () => {
  await submit('Place order', checkout);
  assert.match(await text(checkout), /Thank you! Order DY-[0-9A-F]{8} for \$22\.90 was placed at /);
  assert.match(await text(cart), /Your cart is empty/);
});

await step('another visitor sees an empty cart at the contact step', async () => {
  const cookies = await browser.cookies(base);
  assert.ok(cookies.some((c) => c.name === 'DYSESSION' && c.httpOnly), `no HttpOnly DYSESSION cookie: ${JSON.stringify(cookies.map((c) => c.name))}`);
  await browser.clearCookies();
  await page.goto(base);
  assert.match(await text(cart), /Your cart is empty/);
  assert.match(await text(checkout.locator('.steps b')), /1\. Contact/);
});

await step('the page made no request outside the sample', async () => {
  assert.deepEqual(foreign, []);
});

await browser.close();
rmSync(profile, { recursive: true, force: true });
console.log(`browser checks: ${passed} of ${passed + failed} succeeded`);
process.exit(failed === 0 ? 0 : 1);
