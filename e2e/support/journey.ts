import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Scope, StaffRole } from '../../server/src/platform/auth/roles.js';
import { launchBrowser, phone, seriousViolations } from './browser.js';
import { startE2eServer, type E2eServer, type E2eServerOptions } from './server.js';

export interface Journey {
  /** The running server; only valid inside a test or hook. */
  server(): E2eServer;
  /** A page in a fresh context: a phone when `mobile`, a desktop window otherwise. */
  newPage(options?: { mobile?: boolean }): Promise<Page>;
  expectAccessible(page: Page): Promise<void>;
  /** A phone page never scrolls sideways. */
  expectNoSideScroll(page: Page): Promise<void>;
  /** Signs a fresh staff account of that role (city-wide unless a scope is given) in through the login page. */
  login(page: Page, role: StaffRole, scope?: Scope): Promise<void>;
}

export interface JourneyOptions {
  /** Options of the suite's server, made when it starts (e.g. an SMS provider bound to a test SMSC). */
  server?: () => E2eServerOptions | Promise<E2eServerOptions>;
}

/**
 * The scaffolding of a browser journey suite: the built app and Chromium for the calling
 * `describe`, closed after it, and an uncaught page error failing the test that caused it.
 * Call it at the top of a `describe.skipIf(!browserAvailable)(…)` body.
 */
export function useJourney(options: JourneyOptions = {}): Journey {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startE2eServer(await options.server?.());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  // Uncaught errors in the page fail the test that caused them.
  const pageErrors: string[] = [];
  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors).toEqual([]);
  });

  return {
    server: () => server,

    async newPage(options = {}) {
      // Reduced motion: the app then draws no transitions, so what axe and the assertions read is settled.
      const context = await browser.newContext({ baseURL: server.baseUrl, reducedMotion: 'reduce', ...(options.mobile ? phone : { viewport: { width: 1280, height: 900 } }) });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    },

    async expectAccessible(page) {
      // Audit the settled page: a block still refreshing is drawn faded on purpose (`is-stale`), and
      // axe would read its contrast mid-fade.
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    },

    async expectNoSideScroll(page) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    },

    async login(page, role, scope) {
      const { username, password } = await server.account(role, scope);
      await page.goto('/login');
      await page.getByLabel('Имя пользователя').fill(username);
      await page.getByLabel('Пароль').fill(password);
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.waitForURL('**/staff');
    },
  };
}
