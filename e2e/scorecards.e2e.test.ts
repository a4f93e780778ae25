import { describe, expect, it } from 'vitest';
import { browserAvailable } from './support/browser.js';
import { useJourney } from './support/journey.js';

/** The public performance pages of issue #3, on a phone, in Debian's Chromium with axe-core on each page. */
describe.skipIf(!browserAvailable)('scorecards and trust survey', () => {
  const { server, newPage, expectAccessible, expectNoSideScroll } = useJourney();

  /** Text with every kind of space (the locale groups digits with no-break spaces) made plain. */
  const plain = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

  it('a resident on a phone opens the scorecards, the programme with the real thefts figure and its indicator', async () => {
    // The city's registered thefts (п.3: 2 863 in the first quarter of 2021) and the programme that carries them.
    const thefts = (await (await fetch(`${server().baseUrl}/api/v1/indicators?code=thefts&department=city&values=none`)).json()) as {
      items: { id: string; programme: string | null; current: { value: number } | null }[];
    };
    const indicator = thefts.items[0]!;
    expect(indicator.current?.value).toBe(2863);
    expect(indicator.programme).toBeTruthy();

    const page = await newPage({ mobile: true });
    await page.goto('/scorecards');
    await expect.poll(() => page.getByTestId('programme-card').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('ranking-table').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('compstat-family').count()).toBeGreaterThan(0);
    expect(plain(await page.getByTestId('lights-explainer').textContent())).toMatch(/90 %/);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    await page.locator(`[data-testid=programme-card][data-code="${indicator.programme}"] h3 a`).click();
    await page.waitForURL(`**/scorecards/programmes/${indicator.programme}`);
    const card = page.locator('[data-testid=indicator-card][data-code="thefts"]').filter({ has: page.getByTestId('source-item') }).first();
    await expect.poll(() => card.getByTestId('indicator-value').textContent().then(plain)).toBe('2 863');
    expect(plain(await card.getByTestId('source-item').first().textContent())).toBe('п.3');
    expect(plain(await card.getByTestId('light').textContent())).toMatch(/Зелёный|Жёлтый|Красный|Цель не задана|Нет данных/);
    await expect.poll(() => page.getByTestId('budget-table').isVisible()).toBe(true);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    await card.getByTestId('indicator-value').click();
    await page.waitForURL(`**/scorecards/indicators/${indicator.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Зарегистрированные кражи');
    expect(plain(await page.getByTestId('indicator-value').textContent())).toBe('2 863');
    await expect.poll(() => page.getByTestId('history-row').count()).toBeGreaterThanOrEqual(2);
    expect(plain(await page.getByTestId('history-table').textContent())).toMatch(/6 069/);
    await expect.poll(() => page.locator('[data-testid=trend-chart] svg').count()).toBeGreaterThan(0);
    expect(plain(await page.getByTestId('trend-chart').getAttribute('aria-label'))).toMatch(/2 863/);
    expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(page);
    await expectNoSideScroll(page);
  });

  it('a resident answers the trust survey once; a second answer with the same link is refused', async () => {
    const page = await newPage({ mobile: true });
    await page.goto('/trust');
    await expect.poll(() => page.getByTestId('answer-survey').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('loading').count()).toBe(0);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    await page.getByRole('button', { name: 'Ответить на опрос' }).click();
    await page.waitForURL('**/trust/survey?token=*');
    const surveyUrl = page.url();
    await expect.poll(() => page.getByTestId('survey-form').isVisible()).toBe(true);
    await expectAccessible(page);
    await expectNoSideScroll(page);
    await page.getByTestId('survey-item-job').getByLabel(/^4/).check();
    await page.getByTestId('survey-item-respect').getByLabel(/^5/).check();
    // Keyboard: from the first value of a group the arrow keys choose the next ones.
    await page.getByTestId('survey-item-confidence').getByLabel(/^1/).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('survey-item-confidence').locator('input:checked').getAttribute('value')).toBe('2');
    await page.getByLabel('Ваш район (необязательно)').selectOption('almaly');
    await page.getByRole('button', { name: 'Отправить ответ' }).click();
    await expect.poll(() => page.getByTestId('survey-thanks').isVisible()).toBe(true);
    await expectAccessible(page);

    // Opening the link again says at once that it was used, and the server refuses a second answer.
    await page.goto(surveyUrl);
    await expect.poll(() => page.getByTestId('survey-used').isVisible()).toBe(true);
    const token = new URL(surveyUrl, server().baseUrl).searchParams.get('token');
    const second = await page.request.post('/api/v1/trust/responses', { data: { token, scale: '1-5', answers: { job: 2 } }, headers: { origin: server().baseUrl } });
    expect(second.status()).toBe(409);
    expect(plain(await page.getByTestId('survey-used').textContent())).toMatch(/уже ответили/);
    expect(await page.getByTestId('survey-form').count()).toBe(0);
    await expectAccessible(page);
    await expectNoSideScroll(page);
  });
});
