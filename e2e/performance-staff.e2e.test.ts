import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../server/src/platform/auth/roles.js';
import { browserAvailable } from './support/browser.js';
import { useJourney } from './support/journey.js';

interface IndicatorItem {
  id: string;
  code: string;
  department: { id: string };
}

interface ValueRow {
  period: string;
  value: number;
  figureId: string | null;
  supersededAt: string | null;
}

/** The staff pages of the performance module (issue #3), in Debian's Chromium against the built app. */
describe.skipIf(!browserAvailable)('performance staff journeys', () => {
  const { server, newPage, expectAccessible, expectNoSideScroll, login } = useJourney();

  /** A signed-in API caller for setting the scene (no browser). */
  async function apiAs(role: StaffRole) {
    const { app } = server();
    const { username, password } = await server().account(role);
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    expect(signIn.statusCode).toBe(200);
    const cookies = Object.fromEntries(signIn.cookies.map((c) => [c.name, c.value]));
    return {
      post: (url: string, payload: object) => app.inject({ method: 'POST', url, payload, cookies }),
    };
  }

  async function cityIndicator(page: Page, code: string): Promise<IndicatorItem> {
    const list = (await (await page.request.get(`/api/v1/indicators?values=none&code=${code}`)).json()) as { items: IndicatorItem[] };
    const found = list.items.find((i) => i.department.id === 'city');
    if (!found) throw new Error(`no city indicator ${code}`);
    return found;
  }

  async function currentValues(page: Page, id: string): Promise<ValueRow[]> {
    const detail = (await (await page.request.get(`/api/v1/indicators/${id}`)).json()) as { history: ValueRow[] };
    return detail.history.filter((row) => row.supersededAt === null);
  }

  it('an editor uploads a CSV with three good rows and one bad row, checks the preview and saves only the good ones', async () => {
    const page = await newPage({ mobile: true });
    await login(page, 'editor');
    await expect.poll(() => page.getByTestId('performance-workspace').isVisible()).toBe(true);
    // The workspace lists what the editor owes: the report's quarterly figures stop at 2021.
    await expect.poll(() => page.getByTestId('due-values').isVisible()).toBe(true);
    expect(await page.getByTestId('due-values').textContent()).toMatch(/последнее: 2021.*ожидается: 20\d\d/);
    await expectAccessible(page);
    await expectNoSideScroll(page);
    await page.getByRole('link', { name: 'Значения показателей' }).click();
    await page.waitForURL('**/staff/values');
    await expect.poll(() => page.getByTestId('value-form').isVisible()).toBe(true);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    const sites = await cityIndicator(page, 'drug_sites_found');
    const media = await cityIndicator(page, 'drug_media_pieces');
    const hotline = await cityIndicator(page, 'drug_hotline_reports');
    const before = await currentValues(page, sites.id);
    expect(before.map((row) => row.period)).not.toContain('2021-Q2');

    const csv = [
      'indicator,department,period,value,source,note,reason',
      'drug_sites_found,city,2021-Q2,160,УПН ДП г.Алматы,,',
      'drug_media_pieces,city,2021-Q2,31,УПН ДП г.Алматы,,',
      'no_such_indicator,city,2021-Q2,5,УПН ДП г.Алматы,,',
      'drug_hotline_reports,city,2021-Q2,12,УПН ДП г.Алматы,,',
    ].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Загрузить и проверить' }).click();
    await expect.poll(() => page.getByTestId('upload-row').count(), { timeout: 30_000 }).toBe(4);

    // The bad row is refused with its column and reason; the good ones wait for the confirm.
    const refused = page.locator('[data-testid=upload-row][data-ok=false]');
    expect(await refused.count()).toBe(1);
    expect(await refused.textContent()).toMatch(/стр\. 4/);
    expect(await refused.textContent()).toMatch(/Отклонена/);
    expect(await refused.textContent()).toMatch(/«indicator»/);
    expect(await refused.textContent()).toMatch(/no_such_indicator/);
    expect(await page.locator('[data-testid=upload-row][data-ok=true]').count()).toBe(3);
    expect(await page.getByTestId('upload-counts').textContent()).toMatch(/готовы к сохранению: 3, отклонены: 1/);
    expect(await page.getByTestId('upload-counts').textContent()).toMatch(/Пока ничего не сохранено/);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    // Nothing is stored before the confirm.
    expect(await currentValues(page, sites.id)).toEqual(before);

    await page.getByRole('button', { name: 'Сохранить строки без ошибок (3)' }).click();
    await expect.poll(() => page.getByTestId('upload-done').textContent(), { timeout: 30_000 }).toMatch(/Новых: 3, исправлено: 0, без изменений: 0/);
    // The refused row stays visible with its reason, to be fixed in the file.
    expect(await page.locator('[data-testid=upload-row][data-ok=false]').textContent()).toMatch(/no_such_indicator/);
    await expectAccessible(page);

    expect(await currentValues(page, sites.id)).toContainEqual(expect.objectContaining({ period: '2021-Q2', value: 160 }));
    expect(await currentValues(page, media.id)).toContainEqual(expect.objectContaining({ period: '2021-Q2', value: 31 }));
    expect(await currentValues(page, hotline.id)).toContainEqual(expect.objectContaining({ period: '2021-Q2', value: 12 }));
  });

  it('an editor corrects a stored value only with a reason', async () => {
    const page = await newPage();
    await login(page, 'editor');
    const events = await cityIndicator(page, 'drug_prevention_events');
    const [stored] = (await currentValues(page, events.id)).filter((row) => row.period === '2021-Q1');
    expect(stored).toBeDefined();
    await page.goto('/staff/values');
    await page.getByLabel('Найти показатель').fill('drug_prevention_events');
    await page.getByRole('combobox', { name: 'Показатель' }).selectOption(events.id);
    await page.locator('#value-period').fill('2021-Q1');
    await page.locator('#value-value').fill(String(stored!.value + 2));
    await expect.poll(() => page.getByTestId('value-stored').textContent()).toMatch(/За 2021-Q1 уже сохранено/);
    await page.getByRole('button', { name: 'Сохранить исправление' }).click();
    await expect.poll(() => page.locator('#value-reason-error').textContent()).toMatch(/укажите причину/);
    await expectAccessible(page);
    await page.locator('#value-reason').fill('Уточнённые данные УПН');
    await page.getByRole('button', { name: 'Сохранить исправление' }).click();
    await expect.poll(() => page.getByTestId('value-saved').textContent()).toMatch(/2021-Q1/);
    expect(await currentValues(page, events.id)).toContainEqual(expect.objectContaining({ period: '2021-Q1', value: stored!.value + 2 }));
  });

  it('an editor promotes a figure of п.3 into an indicator value in two clicks', async () => {
    // An analyst has defined the indicator the report's «1550 многоразовых масок» belongs to.
    const analyst = await apiAs('analyst');
    const defined = await analyst.post('/api/v1/indicators', {
      code: 'masks_distributed',
      name: { ru: 'Розданные многоразовые маски «НЕТ НАРКОТИКАМ»', kk: '«ЕСІРТКІГЕ ҚАРСЫМЫЗ» көп реттік маскалары', en: 'Reusable “NO TO DRUGS” masks handed out' },
      unit: 'count',
      direction: 'higher_better',
      dataSource: 'УПН ДП г.Алматы',
      programme: 'stop-drugs',
      recommendationNumber: 3,
      sourceItem: 'п.3',
    });
    expect(defined.statusCode).toBe(201);
    const indicatorId = (defined.json() as { id: string }).id;

    const page = await newPage();
    await login(page, 'editor');
    await page.goto('/recommendations/3');
    const response = page.getByTestId('response').first();
    await expect.poll(() => response.getByTestId('figure-promote').count()).toBeGreaterThan(0);
    const showAll = response.getByRole('button', { name: /Показать все цифры/ });
    if (await showAll.isVisible()) await showAll.click();
    const figure = response.getByTestId('figure-row').filter({ has: page.locator('td:nth-child(2)', { hasText: /^многоразовых масок$/ }) });
    expect(await figure.count()).toBe(1);

    // Click 1: the form opens with the indicator guessed and the response's period.
    await figure.getByTestId('figure-promote').click();
    const form = page.getByTestId('promote-form');
    await expect.poll(() => form.getByRole('combobox').inputValue()).toBe(indicatorId);
    expect(await form.getByRole('textbox', { name: /Период/ }).inputValue()).toBe('2021-Q1');
    await expectAccessible(page);

    // Click 2: confirmed.
    await form.getByTestId('promote-confirm').click();
    const done = page.getByTestId('promote-done');
    await expect.poll(() => done.textContent()).toMatch(/1\s550/);
    expect(await done.getByRole('link').getAttribute('href')).toBe(`/scorecards/indicators/${indicatorId}`);
    await expectAccessible(page);

    const values = await currentValues(page, indicatorId);
    expect(values).toEqual([expect.objectContaining({ period: '2021-Q1', value: 1550, figureId: expect.any(String) })]);
  });

  it('the figure action is for editors only', async () => {
    const page = await newPage({ mobile: true });
    await page.goto('/recommendations/3');
    await expect.poll(() => page.getByTestId('figure-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('figure-promote').count()).toBe(0);
    await login(page, 'council');
    await page.goto('/recommendations/3');
    await expect.poll(() => page.getByTestId('figure-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('figure-promote').count()).toBe(0);
  });

  it('an analyst changes thresholds and an editor records a budget year on a phone', async () => {
    const analystPage = await newPage({ mobile: true });
    await login(analystPage, 'analyst');
    await analystPage.getByRole('link', { name: 'Показатели и пороги' }).click();
    await analystPage.waitForURL('**/staff/indicators');
    await expect.poll(() => analystPage.getByTestId('staff-indicator').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await expectAccessible(analystPage);
    await expectNoSideScroll(analystPage);
    await analystPage.getByLabel('Поиск по названию или коду').fill('street_crime_share');
    await expect.poll(() => analystPage.getByTestId('staff-indicator').count()).toBe(1);
    await analystPage.getByRole('button', { name: /^Изменить/ }).click();
    const form = analystPage.getByTestId('indicator-edit-form');
    await form.getByLabel('Жёлтый от, %').fill('80');
    await form.getByRole('button', { name: 'Сохранить изменения' }).click();
    await expect.poll(() => analystPage.getByTestId('indicator-thresholds').textContent()).toMatch(/жёлтый ≥ 80/);
    await expectNoSideScroll(analystPage);

    const editorPage = await newPage({ mobile: true });
    await login(editorPage, 'editor');
    await editorPage.getByRole('link', { name: 'Стоп наркотикам' }).click();
    await editorPage.waitForURL('**/staff/programmes/stop-drugs');
    await expect.poll(() => editorPage.getByTestId('budget-form').isVisible()).toBe(true);
    await expectAccessible(editorPage);
    await expectNoSideScroll(editorPage);
    const form2 = editorPage.getByTestId('budget-form');
    await form2.getByLabel('Год').fill('2023');
    await form2.getByLabel('Статья').fill('мобильные группы');
    await form2.getByLabel('Запланировано').fill('150 000 000');
    await form2.getByLabel('Выделено').fill('149 500 000,50');
    await form2.getByLabel('Источник').fill('Решение маслихата г. Алматы');
    await form2.getByRole('button', { name: 'Добавить' }).click();
    await expect.poll(() => editorPage.getByTestId('budget-saved').isVisible()).toBe(true);
    const programme = (await (await editorPage.request.get('/api/v1/programmes/stop-drugs')).json()) as { budgetLines: { year: number; label: string; plannedTiyn: number; allocatedTiyn: number }[] };
    expect(programme.budgetLines).toContainEqual(expect.objectContaining({ year: 2023, label: 'мобильные группы', plannedTiyn: 15_000_000_000, allocatedTiyn: 14_950_000_050 }));
  });
});
