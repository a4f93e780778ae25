import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedReportPath } from '../server/src/demo/demo.service.js';
import { browserAvailable } from './support/browser.js';
import { useJourney } from './support/journey.js';

/** The journeys of issue #2, in Debian's Chromium against the built app, with axe-core on each page. */
describe.skipIf(!browserAvailable)('browser journeys', () => {
  const { newPage, expectAccessible, expectNoSideScroll, login } = useJourney();

  it('a resident browses the list on a phone and opens п.24', async () => {
    const page = await newPage({ mobile: true });
    await page.goto('/');
    await expect.poll(() => page.getByTestId('headline-figures').isVisible()).toBe(true);
    await expectAccessible(page);
    await page.goto('/recommendations');
    await expect.poll(() => page.getByTestId('recommendation-card').count()).toBe(28);
    await expectAccessible(page);
    await expectNoSideScroll(page);
    await page.getByLabel('Поиск по тексту').fill('эвакуатор');
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect.poll(() => page.getByTestId('recommendation-card').count()).toBe(1);
    expect(page.url()).toContain('q=');
    await page.getByRole('link', { name: /п\.24/ }).click();
    await page.waitForURL('**/recommendations/24');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/эвакуатор/);
    const response = page.getByTestId('response').first();
    await expect.poll(() => response.textContent()).toMatch(/на стадии реализации/);
    expect(await page.getByText('Импортировано из отчёта').count()).toBeGreaterThan(0);
    expect(await page.locator('body').textContent()).toMatch(/Выполняется/);
    await expectAccessible(page);
    await expectNoSideScroll(page);
  });

  it('the language switch changes the interface and persists', async () => {
    const page = await newPage({ mobile: true });
    await page.goto('/recommendations');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Рекомендации Общественного совета');
    await page.locator('[data-testid=lang-switch] button[lang=kk]').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Қоғамдық кеңестің ұсынымдары');
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    await expectAccessible(page);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Қоғамдық кеңестің ұсынымдары');
    await page.locator('[data-testid=lang-switch] button[lang=en]').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Public Council recommendations');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('an editor imports a report, corrects a status and confirms it', async () => {
    const page = await newPage();
    await login(page, 'editor');
    await page.goto('/staff/import');
    await expectAccessible(page);
    // A file that is not a report gets a clear error and nothing is saved.
    await page.locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    await page.getByLabel('Код периода').fill('2021-Q2');
    await page.getByRole('button', { name: 'Загрузить и разобрать' }).click();
    await expect.poll(() => page.getByTestId('problem').textContent()).toBeTruthy();
    await page.locator('input[type=file]').setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: fs.readFileSync(seedReportPath) });
    await page.getByRole('button', { name: 'Загрузить и разобрать' }).click();
    await expect.poll(() => page.getByTestId('import-item').count(), { timeout: 30_000 }).toBe(28);
    await expectAccessible(page);
    const periods = await (await page.request.get('/api/v1/periods')).json();
    expect(periods.items.map((p: { code: string }) => p.code)).not.toContain('2021-Q2');
    const item27 = page.getByTestId('import-item').nth(26);
    await item27.getByRole('combobox').first().selectOption('implemented');
    await page.getByRole('button', { name: 'Подтвердить импорт' }).click();
    await expect.poll(() => page.getByTestId('import-done').textContent(), { timeout: 30_000 }).toMatch(/2021-Q2/);
    const p27 = await (await page.request.get('/api/v1/recommendations/27')).json();
    expect(p27).toMatchObject({ status: 'implemented', latestPeriod: '2021-Q2' });
  });

  it('a council member assesses a response', async () => {
    const page = await newPage();
    await login(page, 'council');
    await page.goto('/recommendations/8');
    await page.getByText('Оценить ответ').first().click();
    const form = page.getByTestId('assessment-form').first();
    await expect.poll(() => form.isVisible()).toBe(true);
    await expectAccessible(page);
    await form.getByLabel('Не принят', { exact: false }).check();
    await form.getByLabel('Комментарий').fill('План мероприятий не заменяет городскую стратегию.');
    await form.getByRole('button', { name: 'Сохранить оценку' }).click();
    await expect.poll(() => page.getByTestId('assessment').first().textContent()).toMatch(/План мероприятий не заменяет/);
    const p8 = await (await page.request.get('/api/v1/recommendations/8')).json();
    expect(p8.assessment).toBe('not_accepted');
  });

  it('anyone verifies the audit log', async () => {
    const page = await newPage({ mobile: true });
    await page.goto('/audit');
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Проверить цепочку' }).click();
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toMatch(/Цепочка цела/);
    await expectAccessible(page);
    await expectNoSideScroll(page);
  });
});
