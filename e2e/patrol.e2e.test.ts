import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './support/browser.js';
import { useJourney } from './support/journey.js';

/** A figure's share of risk covered, as the page carries it. */
async function coverage(page: Page, method: string): Promise<number> {
  return Number(await page.getByTestId(`coverage-${method}`).getAttribute('data-share'));
}

/** The patrol deployment page (п.6): an analyst produces a night plan and reads how much risk it covers. */
describe.skipIf(!browserAvailable)('patrol deployment plans', () => {
  const { newPage, login, expectAccessible, expectNoSideScroll } = useJourney();

  it('an analyst produces a night plan, follows its progress, compares its coverage and downloads the CSV; the page passes axe at desktop and phone widths', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    await page.getByTestId('patrol-workspace').getByRole('link', { name: /Расстановка патрулей/ }).click();
    await page.waitForURL('**/staff/patrol');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Расстановка патрулей');
    await expect.poll(() => page.getByTestId('shift-night').isVisible()).toBe(true);
    await expectAccessible(page);

    // Every state the progress bar shows is kept as it changes (the work takes a few seconds).
    await page.evaluate(() => {
      const seen: string[] = [];
      const stages: string[] = [];
      Object.assign(window, { progressSeen: seen, stagesSeen: stages });
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid=plan-progress] [role=progressbar]');
        const text = bar?.getAttribute('aria-valuetext');
        if (text && seen[seen.length - 1] !== text) seen.push(text);
        const stage = document.querySelector('[data-testid=plan-progress] .muted')?.textContent;
        if (stage && !stages.includes(stage)) stages.push(stage);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });

    // Night shift, tomorrow (the form's default date).
    await page.getByRole('combobox', { name: 'Смена' }).selectOption('night');
    expect(await page.getByLabel('Дата начала смены').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByTestId('produce-plan').click();
    await page.waitForURL(/\/staff\/patrol\?plan=[0-9a-f-]{36}$/);

    // The work runs on the server: the progress bar first, then the plan.
    await expect.poll(() => page.getByTestId('coverage').isVisible(), { timeout: 120_000 }).toBe(true);
    expect(await page.getByTestId('plan-progress').count()).toBe(0);
    // On a fast machine the plan can be done before the page first asks; whatever states the bar did
    // show must read as progress and never go backwards.
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    for (const text of seen) expect(text).toMatch(/^\d+% · (В очереди|Считается)$/);
    const percents = seen.map((text) => Number(text.split('%')[0]));
    // The server's stages read in Russian, never as the server's codes or in English.
    const stages = await page.evaluate(() => (window as unknown as { stagesSeen: string[] }).stagesSeen);
    for (const stage of stages) expect(stage).toMatch(/^ · [а-яёА-ЯЁ][^a-z]*$/);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);

    // The optimised plan covers more of the forecast risk than an even spread and than today's routes.
    const optimised = await coverage(page, 'optimised');
    expect(optimised).toBeGreaterThan(await coverage(page, 'uniform'));
    expect(optimised).toBeGreaterThan(await coverage(page, 'current'));
    expect(optimised).toBeGreaterThanOrEqual((await coverage(page, 'greedy')) - 1e-9);
    expect(await page.getByTestId('coverage-optimised').textContent()).toMatch(/\d+,\d\s?%/);
    expect(await page.getByTestId('coverage-chart').getAttribute('aria-label')).toContain('оптимальный');
    expect(await page.getByTestId('solver').textContent()).toMatch(/^Метод: .*, оптимально/);
    await expect.poll(() => page.locator('[data-testid=sector-table] tbody tr').count()).toBe(102);
    await expect.poll(() => page.locator('[data-testid=plan-map] path[data-layer^=sectors]').count()).toBeGreaterThanOrEqual(102);

    // A crew of the hottest sector is on the map with its stops; another can be chosen.
    const crews = page.getByTestId('crew-list');
    await expect.poll(() => crews.locator('.patrol-stops li').count()).toBeGreaterThan(0);
    const buttons = crews.getByRole('button', { name: /на карте/i });
    if ((await buttons.count()) > 1) {
      await buttons.nth(1).click();
      expect(await buttons.nth(1).getAttribute('aria-pressed')).toBe('true');
    }

    // The CSV: one row per crew stop.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-file-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^patrol-plan-\d{4}-\d{2}-\d{2}-night\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('sector,district,crew,kind,order,lat,lon,risk,minutes,cell');
    expect(csv.length).toBeGreaterThan(1000);
    expect(await page.getByTestId('plan-file-pdf-kk').getAttribute('href')).toMatch(/\.pdf\?lang=kk$/);
    await expectAccessible(page);

    // On a phone the same plan reads without sideways scrolling and passes axe.
    const phone = await newPage({ mobile: true });
    await login(phone, 'analyst');
    await phone.goto(new URL(page.url()).pathname + new URL(page.url()).search);
    await expect.poll(() => phone.getByTestId('coverage').isVisible()).toBe(true);
    expect(await coverage(phone, 'optimised')).toBeCloseTo(optimised, 9);
    await expectAccessible(phone);
    await expectNoSideScroll(phone);
  }, 240_000);

  it('a dispatcher reads plans but is not offered to produce one', async () => {
    const page = await newPage({ mobile: true });
    await login(page, 'dispatcher');
    await page.goto('/staff/patrol');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Расстановка патрулей');
    await expect.poll(() => page.getByTestId('shift-night').isVisible()).toBe(true);
    expect(await page.getByTestId('produce-plan').count()).toBe(0);
    expect(await page.getByTestId('shift-night').locator('input').count()).toBe(0);
    await expectAccessible(page);
    await expectNoSideScroll(page);
  });
});
