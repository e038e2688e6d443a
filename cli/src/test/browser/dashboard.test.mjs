// Real-browser test of the web dashboard: starts 'controller demo' (simulated venues in-process)
// with the web server on a free loopback port, drives Debian's chromium with playwright-core, logs
// in with the token, waits for live data, engages the kill switch through the confirmation dialog
// and checks the page and /api/snapshot agree. Screenshots go to cli/target/browser/. The demo is
// stopped in every case. Needs the built jar (cli/target/crossarb.jar); run it through run.sh.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../..');
const jar = path.join(root, 'cli/target/crossarb.jar');
const outDir = path.join(root, 'cli/target/browser');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const TEST_TIMEOUT_MS = 5 * 60 * 1000;
let running = null; // the demo process, for the watchdog

function log(message) {
  console.log('[dashboard-test] ' + message);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function until(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) {
        return value;
      }
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('timed out after ' + timeoutMs + ' ms waiting for ' + what + (last ? ' (' + last.message + ')' : ''));
}

function assert(condition, message) {
  if (!condition) {
    throw new Error('assertion failed: ' + message);
  }
}

async function stopDemo(demo) {
  if (!demo || demo.exitCode !== null || demo.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => demo.once('exit', resolve));
  demo.kill('SIGINT'); // Ctrl-C: the engine stops cleanly (orders cancelled, state persisted)
  const timer = setTimeout(() => demo.kill('SIGKILL'), 30000);
  await exited;
  clearTimeout(timer);
}

async function main() {
  assert(fs.existsSync(jar), jar + ' is missing: build it first (./mvnw -pl cli -am package)');
  assert(fs.existsSync(chromiumPath), chromiumPath + ' is missing: apt-get install -y chromium');
  fs.mkdirSync(outDir, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossarb-browser-data-'));
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossarb-browser-profile-'));
  const port = await freePort();
  const token = randomBytes(32).toString('hex');
  const base = 'http://127.0.0.1:' + port;
  const demoLog = fs.openSync(path.join(outDir, 'demo.log'), 'w');
  let demo = null;
  let browser = null;
  try {
    log('starting the demo, web server on ' + base);
    const env = { ...process.env, ARB_DATA_DIR: dataDir, ARB_WEB_LISTEN: '127.0.0.1:' + port, ARB_WEB_TOKEN: token };
    for (const key of Object.keys(env)) {
      if ((key.startsWith('ARB_') && !['ARB_DATA_DIR', 'ARB_WEB_LISTEN', 'ARB_WEB_TOKEN'].includes(key))
          || key.startsWith('KALSHI_') || key.startsWith('POLY_') || key.startsWith('TRADER_')) {
        delete env[key];
      }
    }
    demo = spawn(path.join(root, 'controller'), ['demo', '--headless', '--duration', '120s'],
      { cwd: dataDir, env, stdio: ['pipe', demoLog, demoLog] });
    running = demo;
    const demoExit = new Promise((resolve) => demo.once('exit', (code) => resolve(code)));
    await Promise.race([
      until('/health', 90000, async () => (await fetch(base + '/health')).status === 200),
      demoExit.then((code) => { throw new Error('the demo exited early with code ' + code + '; see demo.log'); })
    ]);
    log('the controller is healthy');

    const unauthorized = await fetch(base + '/api/snapshot');
    assert(unauthorized.status === 401, '/api/snapshot without a token answers 401, was ' + unauthorized.status);

    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1440, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync']
    });
    const page = browser.pages()[0] || await browser.newPage();
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') { consoleErrors.push(m.text()); } });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.setDefaultTimeout(60000);

    await page.goto(base + '/');
    await page.locator('#login').waitFor({ state: 'visible' });
    log('login page shown; a wrong token first');
    await page.fill('#token', 'x'.repeat(40));
    await page.click('#login-button');
    await page.locator('#login-error').filter({ hasText: 'wrong token' }).waitFor();
    await page.fill('#token', token);
    await page.click('#login-button');
    await page.locator('#dashboard').waitFor({ state: 'visible' });
    log('logged in');

    await until('both feeds OK', 60000, async () => {
      const states = await page.locator('#feeds .feed-state').allTextContents();
      return states.length >= 2 && states.every((s) => s === 'OK');
    });
    await until('the stream indicator to show live', 30000,
      async () => (await page.getAttribute('#conn', 'data-state')) === 'up');
    const withPrices = await until('pairs with prices', 60000, async () => {
      const cells = await page.locator('#pairs tr td:nth-child(4)').allTextContents();
      return cells.filter((c) => /\d\.\d+ \/ \d\.\d+/.test(c)).length > 0 ? cells : null;
    });
    log('pairs with prices: ' + withPrices.length + ' rows, e.g. ' + withPrices[0]);
    const before = await page.locator('#pairs-pane').innerText() + (await page.locator('#summary').innerText());
    await until('the data to change over time', 30000, async () => {
      const now = await page.locator('#pairs-pane').innerText() + (await page.locator('#summary').innerText());
      return now !== before;
    });
    log('live data changes');
    const cookie = (await browser.cookies(base)).find((c) => c.name === 'arb_session');
    assert(cookie && cookie.httpOnly && cookie.sameSite === 'Strict', 'the session cookie is HttpOnly and SameSite=Strict');
    assert(cookie.value !== token, 'the cookie carries a session id, not the token');

    log('kill switch: the dialog refuses an empty reason');
    await page.click('#kill');
    await page.locator('#confirm').waitFor({ state: 'visible' });
    await page.click('#confirm-ok');
    await page.locator('#confirm-error').filter({ hasText: 'reason' }).waitFor();
    await page.fill('#confirm-reason', 'browser test');
    await page.click('#confirm-ok');
    await page.locator('#confirm').waitFor({ state: 'hidden' });
    await page.locator('#kill-state').filter({ hasText: 'KILLED: browser test' }).waitFor();
    await page.locator('#trading').filter({ hasText: 'KILLED' }).waitFor();
    const snapshot = await (await fetch(base + '/api/snapshot', { headers: { Authorization: 'Bearer ' + token } })).json();
    assert(snapshot.kill.engaged === true && snapshot.kill.reason === 'browser test',
      '/api/snapshot shows the kill switch engaged by the browser: ' + JSON.stringify(snapshot.kill));
    assert(snapshot.trading === 'KILLED', '/api/snapshot trading is KILLED, was ' + snapshot.trading);
    log('killed, and /api/snapshot agrees');
    await page.screenshot({ path: path.join(outDir, 'dashboard.png'), fullPage: true });
    log('screenshot ' + path.join(outDir, 'dashboard.png'));

    log('stopping the demo: the indicator must show the stream down');
    await stopDemo(demo);
    await until('the stream indicator to show down', 30000,
      async () => (await page.getAttribute('#conn', 'data-state')) === 'down');
    await page.screenshot({ path: path.join(outDir, 'dashboard-disconnected.png') });
    const unexpected = consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource|EventSource/.test(e));
    assert(unexpected.length === 0, 'no errors in the page: ' + unexpected.join(' | '));
    log('PASS');
  } finally {
    if (browser) {
      await browser.close().catch(() => {});
    }
    await stopDemo(demo);
    fs.closeSync(demoLog);
    fs.rmSync(profileDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const watchdog = setTimeout(() => {
  console.error('[dashboard-test] FAIL: the whole test took longer than ' + TEST_TIMEOUT_MS + ' ms');
  if (running && running.exitCode === null) {
    running.kill('SIGKILL');
  }
  process.exit(1);
}, TEST_TIMEOUT_MS);
main().then(() => {
  clearTimeout(watchdog);
}, (e) => {
  clearTimeout(watchdog);
  console.error('[dashboard-test] FAIL: ' + (e && e.stack ? e.stack : e));
  process.exitCode = 1;
});
