import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import type { App } from '../packages/server/src/app.ts';
import type { AppDeps } from '../packages/server/src/app-deps.ts';
import { createTestRuntime } from '../packages/server/src/testing/test-runtime.ts';

/** Browser journeys: a real server on a free port serving the built web UI, and Debian's chromium driven by playwright-core. */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'packages/web');
export const WEB_DIST = path.join(webDir, 'dist');
export const SCREENSHOTS = path.join(root, 'e2e/screenshots');
export const CHROMIUM = process.env.FANGKONG_CHROMIUM || '/usr/bin/chromium';
/**
 * How long a step waits for an element. A journey runs its own server and browser on a two-core machine,
 * often beside other work: a page that answers in 1 s on a quiet machine took over 10 s on a loaded one.
 */
export const STEP_TIMEOUT_MS = 20_000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (name !== 'node_modules' && name !== 'dist') newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

function webIsStale(): boolean {
  const built = path.join(WEB_DIST, 'index.html');
  const sources = [webDir, path.join(root, 'packages/core/src')];
  return !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Journey files run in parallel processes: one builds while the others wait (a directory is an atomic lock). */
function withBuildLock(build: () => void): void {
  const lock = path.join(tmpdir(), 'fangkong-web-build.lock');
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds packages/web when dist is missing or older than its sources (or core's, which it imports). */
export function ensureWebBuilt(): void {
  if (!webIsStale()) return;
  withBuildLock(() => {
    if (!webIsStale()) return;
    console.log('building the web UI (npm run build -w @fangkong/web)…');
    const result = spawnSync('npm', ['run', 'build', '-w', '@fangkong/web'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`web build failed (exit ${result.status})`);
  });
}

/**
 * Why the journeys cannot run here, or null when they can. Without a browser a local run skips with
 * this message; under CI (process.env.CI) there is no skip: the journey fails in `launchBrowser`.
 */
export function skipReason(): string | false {
  if (existsSync(CHROMIUM) || process.env.CI) return false;
  return `no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set FANGKONG_CHROMIUM`;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}; browser journeys are required in CI`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface JourneyServer {
  baseUrl: string;
  deps: AppDeps;
  app: App;
  close(): Promise<void>;
}

/** A fresh in-memory database, the app serving packages/web/dist, listening on a free 127.0.0.1 port. */
export async function startServer(): Promise<JourneyServer> {
  ensureWebBuilt();
  const runtime = await createTestRuntime({ FANGKONG_WEB_DIST: WEB_DIST });
  await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  const address = runtime.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return { baseUrl: `http://127.0.0.1:${address.port}`, deps: runtime.deps, app: runtime.app, close: runtime.close };
}

export interface JourneyPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, except the expected 401 of the first /api/auth/me. */
  problems: string[];
}

export async function openPage(browser: Browser, baseUrl: string, locale = 'zh-CN'): Promise<JourneyPage> {
  const context = await browser.newContext({ baseURL: baseUrl, locale, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('401')) problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** Lets drawers, modals and lists finish their transitions, then saves the page as e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(300);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A phone-sized page (390×844, zh-CN) for the resident H5; page errors go to `problems`. */
export async function openPhone(browser: Browser, baseUrl: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return page;
}

/** What a journey's steps work with, filled in by its before hook (see useJourney). */
export interface Journey<Seeded> {
  readonly server: JourneyServer;
  readonly browser: Browser;
  /** What `seed` answered. */
  readonly seeded: Seeded;
  /** The staff page opened `index`-th before the first step (the first unless said). */
  page(index?: number): JourneyPage;
  /** Logs what the journey just did and how long it has run. */
  lap(what: string): void;
}

export interface JourneySetUp<Seeded> {
  /** The journey's own data, written through the server's deps or API before the browser starts. */
  seed: (server: JourneyServer) => Promise<Seeded>;
  /** Staff pages (1440×900, zh-CN) to open before the first step; 1 unless said. */
  pages?: number;
  timeoutMs?: number;
}

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the journey's ${what} is not ready: read it inside a step or a later before hook`);
  return value;
}

class JourneyRun<Seeded> implements Journey<Seeded> {
  #server?: JourneyServer;
  #browser?: Browser;
  #seeded?: Seeded;
  readonly #pages: JourneyPage[] = [];
  readonly #started = Date.now();

  constructor(private readonly name: string) {}

  get server() {
    return present(this.#server, 'server');
  }
  get browser() {
    return present(this.#browser, 'browser');
  }
  get seeded() {
    return present(this.#seeded, 'data');
  }
  page(index = 0): JourneyPage {
    return present(this.#pages[index], `page ${index}`);
  }
  lap(what: string): void {
    console.log(`${this.name}: ${what} at ${((Date.now() - this.#started) / 1000).toFixed(1)} s`);
  }

  async start(setUp: JourneySetUp<Seeded>): Promise<void> {
    const server = await startServer();
    this.#server = server;
    this.#seeded = await setUp.seed(server);
    const browser = await launchBrowser();
    this.#browser = browser;
    for (let i = 0; i < (setUp.pages ?? 1); i++) this.#pages.push(await openPage(browser, server.baseUrl));
    this.lap('ready');
  }

  async stop(): Promise<void> {
    this.lap('done');
    await this.#browser?.close();
    await this.#server?.close();
  }
}

/**
 * Registers a journey's set-up and tear-down as the enclosing describe's before and after hooks: a server
 * on fresh data (`seed`), the browser and its staff pages, all closed after the last step.
 */
export function useJourney<Seeded>(name: string, setUp: JourneySetUp<Seeded>): Journey<Seeded> {
  const run = new JourneyRun<Seeded>(name);
  before(() => run.start(setUp), { timeout: setUp.timeoutMs ?? 120_000 });
  after(() => run.stop(), { timeout: 30_000 });
  return run;
}

/** Signs in through the login form and waits for the app shell. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/**
 * Picks an option of an antd Select by the text of its label, typing `search` first where the list is searched.
 * A click on an option of a dropdown still opening can be lost (the list moves under it; seen on a loaded
 * two-core machine), so the pick is checked: a single select closes its dropdown, a multiple one marks the
 * option selected. A lost pick is clicked again, at most three times.
 */
export async function choose(page: Page, select: Locator, text: string | RegExp, search?: string): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const option = dropdown.locator('.ant-select-item-option', { hasText: text }).first();
  // A dropdown picked from just before may still be closing: it is not this select's.
  await noneShown(dropdown);
  for (let attempt = 1; attempt <= 3; attempt++) {
    if ((await dropdown.count()) === 0) {
      await select.click();
      if (search) await page.keyboard.type(search);
    }
    await option.click();
    if (await picked(dropdown, option)) return;
  }
  throw new Error(`choose: the option ${String(text)} of ${select} was not picked after three clicks`);
}

async function noneShown(dropdown: Locator, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await dropdown.count()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function picked(dropdown: Locator, option: Locator, timeoutMs = 3_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await dropdown.count()) === 0) return true;
    const selected = await option.evaluate((element) => element.classList.contains('ant-select-item-option-selected')).catch(() => false);
    if (selected && (await option.getAttribute('aria-selected').catch(() => null)) !== 'false') return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/**
 * Clicks the OK button of a Popconfirm (or any popup that closes when its button is clicked) and waits until it
 * has closed. A click while the popup is still zooming in can be lost on a loaded machine; the button is then
 * still shown after a few seconds and is clicked again (never while it is closing: the popup is gone by then).
 */
export async function confirmPopup(button: Locator): Promise<void> {
  await button.click();
  for (let attempt = 2; attempt <= 3; attempt++) {
    try {
      await button.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch {
      await button.click({ timeout: 2_000 }).catch(() => undefined);
    }
  }
  await button.waitFor({ state: 'hidden' });
}

/**
 * An import template downloaded with the page's own session and filled in: its example rows go, and each
 * row given (column title → value) is written in the template's columns, blank where not given.
 * Answers the .xlsx and the template's column titles.
 */
export async function fillTemplate(page: Page, url: string, rows: Record<string, string>[]): Promise<{ file: Buffer; header: string[] }> {
  const reply = await page.request.get(url);
  if (reply.status() !== 200) throw new Error(`template ${url}: ${reply.status()}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await reply.body()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`template ${url} has no sheet`);
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  sheet.spliceRows(2, Math.max(0, sheet.rowCount - 1));
  for (const row of rows) sheet.addRow(header.map((column) => row[column] ?? ''));
  return { file: Buffer.from(await workbook.xlsx.writeBuffer()), header };
}

/** Polls until the locator matches exactly `count` elements (tables refresh after a search). */
export async function waitForCount(locator: Locator, count: number, timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await locator.count()) !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} of ${locator}, found ${await locator.count()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
