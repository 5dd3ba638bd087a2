// Renders a service's Swagger UI in headless Chromium, authorizes with the token read from stdin, and for each
// operationId given presses "Try it out" then "Execute" with what Swagger UI pre-filled, and writes
// {operationId: status} (or an error text) as JSON. Usage: node swagger-ui.mjs <baseUrl> <op1,op2,...> <out.json>
// One browser launch; every step has a timeout.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [baseUrl, opList, outFile] = process.argv.slice(2);
const token = readFileSync(0, 'utf8').trim();
const operations = opList ? opList.split(',') : [];
const STEP = 10_000;
const profile = mkdtempSync(join(tmpdir(), 'swagger-ui-chromium-'));
const results = {};
const started = Date.now();
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-extensions'],
});
try {
  const page = browser.pages()[0] || await browser.newPage();
  page.setDefaultTimeout(STEP);
  await page.goto(`${baseUrl}/q/swagger-ui/`, { timeout: 20_000, waitUntil: 'domcontentloaded' });
  await page.locator('.swagger-ui .opblock').first().waitFor();
  console.log(`swagger-ui.mjs: rendered in ${Date.now() - started} ms`);
  await page.locator('button.btn.authorize').first().click();
  await page.locator('.auth-container input').first().fill(token);
  await page.locator('.auth-btn-wrapper button.authorize').first().click();
  await page.locator('.auth-btn-wrapper button.btn-done, button.close-modal').first().click();
  // Execute every operation first, then read each response from the page: the requests and the rendering of their
  // responses overlap instead of being waited for one by one.
  const executed = [];
  for (const op of operations) {
    const opStarted = Date.now();
    try {
      const block = page.locator(`.opblock[id$="-${op}"]`).first();
      if (!(await block.evaluate((el) => el.classList.contains('is-open')))) {
        await block.locator('.opblock-summary').first().click();
      }
      await block.locator('button.try-out__btn').click();
      await block.locator('button.execute').click();
      executed.push([op, block]);
      console.log(`swagger-ui.mjs: ${op} executed in ${Date.now() - opStarted} ms`);
    } catch (e) {
      results[op] = `not executed: ${String(e.message).split('\n')[0]}`;
    }
  }
  for (const [op, block] of executed) {
    try {
      const status = block.locator('.live-responses-table .response .response-col_status').first();
      await status.waitFor();
      const text = (await status.innerText()).trim();
      results[op] = /^\d{3}/.test(text) ? Number(text.slice(0, 3)) : text;
    } catch (e) {
      results[op] = `no response shown: ${String(e.message).split('\n')[0]}`;
    }
    console.log(`swagger-ui.mjs: ${op} -> ${results[op]} at ${Date.now() - started} ms`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
writeFileSync(outFile, JSON.stringify(results, null, 2));
console.log(`swagger-ui.mjs: ${operations.length} operations in ${Date.now() - started} ms`);
