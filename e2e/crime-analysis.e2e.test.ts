import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './support/browser.js';
import { useJourney } from './support/journey.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Real Vancouver Police incidents of 2020 (see its README): 37 512 rows, 3 751 without a place. */
const vancouverCsv = path.resolve(repoRoot, '../shared/data/vancouver-2020/crimes.csv');

/** Text with every kind of space (the locale groups digits with no-break spaces) made plain. */
const plain = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The Vancouver file, or a loud failure: this suite never passes by skipping its real data. */
function requireVancouverFile(): string {
  if (!fs.existsSync(vancouverCsv)) {
    throw new Error(`The Vancouver 2020 incidents file is missing at ${vancouverCsv}: the crime-analysis journey needs it (see shared/data/vancouver-2020/README.md).`);
  }
  return vancouverCsv;
}

/** Sends a file through the upload form and waits for the column mapping. */
async function uploadFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByTestId('upload-form').locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: 'Загрузить и показать столбцы' }).click();
  await expect.poll(() => page.getByTestId('mapping-form').isVisible(), { timeout: 30_000 }).toBe(true);
}

/** Starts the import and waits for its outcome, checking that a real progress bar showed on the way. */
async function importAndWait(page: Page): Promise<void> {
  await page.getByTestId('import-start').click();
  const bar = page.getByTestId('import-progress').getByRole('progressbar');
  await expect.poll(() => bar.count()).toBe(1);
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
  await expect.poll(() => page.getByTestId('import-result').isVisible(), { timeout: 90_000 }).toBe(true);
  expect(await bar.getAttribute('aria-valuenow')).toBe('100');
}

const figure = async (page: Page, key: string) => plain(await page.getByTestId(`import-${key}`).textContent());

describe.skipIf(!browserAvailable)('crime analysis: incident import, backtests and forecasts (п.3, п.6)', () => {
  const { server, newPage, login, expectAccessible, expectNoSideScroll } = useJourney();

  it('an analyst creates the Vancouver 2020 dataset, imports the real file with the guessed mapping, and importing it again changes nothing', async () => {
    const csv = requireVancouverFile();
    const page = await newPage();
    await login(page, 'analyst');
    await page.getByRole('link', { name: /Импорт происшествий/ }).click();
    await page.waitForURL('**/staff/crime/import');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Импорт происшествий');

    // A dataset in Vancouver's own time zone.
    await page.getByTestId('dataset-create').locator('summary').click();
    await page.getByTestId('dataset-id').fill('vancouver-2020');
    await page.getByTestId('dataset-name').fill('Vancouver 2020');
    await page.getByTestId('dataset-zone').fill('America/Vancouver');
    await page.getByRole('button', { name: 'Создать набор' }).click();
    await expect.poll(() => page.getByTestId('dataset-vancouver-2020').isVisible()).toBe(true);
    expect(page.url()).toMatch(/dataset=vancouver-2020/);

    // The file's columns, and the mapping guessed from their names.
    await uploadFile(page, csv);
    expect(plain(await page.getByTestId('upload-summary').textContent())).toContain('crimes.csv');
    expect(await page.getByTestId('mapping-dataset').inputValue()).toBe('vancouver-2020');
    expect(await page.getByLabel('Отдельные столбцы: год, месяц, день').isChecked()).toBe(true);
    const guessed = { 'time.year': 'YEAR', 'time.month': 'MONTH', 'time.day': 'DAY', 'time.hour': 'HOUR', 'time.minute': 'MINUTE', category: 'TYPE', 'place.x': 'X', 'place.y': 'Y', district: 'NEIGHBOURHOOD' };
    for (const [field, column] of Object.entries(guessed)) expect(await page.getByTestId(`mapping-${field}`).inputValue(), field).toBe(column);
    expect(await page.getByLabel('Координаты X и Y в проекции').isChecked()).toBe(true);
    expect(await page.getByTestId('mapping-crs').inputValue()).toBe('EPSG:26910');
    await expectAccessible(page);

    // The import: a progress bar, then what became of the 37 512 rows.
    await page.getByTestId('mapping-save-as').fill('Vancouver GeoDASH');
    await importAndWait(page);
    expect(await figure(page, 'rowsRead')).toBe('37 512');
    expect(await figure(page, 'inserted')).toBe('33 761');
    expect(await figure(page, 'rejected')).toBe('3 751');
    const noPlace = plain(await page.getByTestId('reject-no_place').textContent());
    expect(noPlace).toContain('Нет места');
    expect(noPlace).toContain('3 751');
    await page.locator('summary', { hasText: 'Примеры отклонённых строк' }).click();
    expect(await page.getByTestId('reject-examples').locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // The dataset's own categories are listed with their counts, each mappable to a line: all 11 of the
    // file's, also the two whose rows all lack a place (offences against a person, homicide).
    await expect.poll(() => page.getByTestId('category-row').count()).toBe(11);
    expect(plain(await page.getByTestId('dataset-vancouver-2020').getByTestId('dataset-incidents').textContent())).toBe('33 761');
    const mischief = page.locator('[data-testid=category-row][data-category="Mischief"]').getByTestId('category-line');
    await mischief.selectOption('vandalism');
    await expect.poll(() => page.locator('[data-testid=category-row][data-category="Mischief"]').textContent()).toContain('Сохранено');

    // The same file again: nothing new, every row known.
    await page.getByTestId('import-another').click();
    await uploadFile(page, csv);
    await importAndWait(page);
    expect(await figure(page, 'inserted')).toBe('0');
    expect(await figure(page, 'updated')).toBe('0');
    expect(await figure(page, 'unchanged')).toBe('33 761');
    expect(await figure(page, 'rejected')).toBe('3 751');

    // Both imports are in the dataset's history, newest first: the second added nothing.
    const history = page.getByTestId('import-history-row');
    await expect.poll(() => history.count()).toBe(2);
    const [second, first] = [plain(await history.nth(0).textContent()), plain(await history.nth(1).textContent())];
    for (const row of [first, second]) expect(row).toMatch(/crimes\.csv.*готов.*37 512/);
    expect(first).toContain('33 761');
    // cells: started, status, rows read, new, …
    expect(plain(await history.nth(0).locator('td').nth(3).textContent())).toBe('0');
    expect(plain(await history.nth(1).locator('td').nth(3).textContent())).toBe('33 761');
    await expectAccessible(page);
  }, 240_000);

  it('the analyst backtests naive against SEPP on Vancouver 2020, chooses SEPP, and forecasts the demo city onto the map', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    await page.getByRole('link', { name: /Прогнозы и проверка методов/ }).click();
    await page.waitForURL('**/staff/crime/forecasts');
    await page.getByTestId('forecasts-dataset').selectOption('vancouver-2020');
    await expect.poll(() => page.getByTestId('dataset-facts').textContent()).toContain('America/Vancouver');

    // The Vancouver preset: train January–June, test July–December in one 184-day fold.
    await page.getByTestId('preset-vancouver').click();
    expect(await page.getByTestId('backtest-start').inputValue()).toBe('2020-07-01');
    expect(await page.getByTestId('backtest-end').inputValue()).toBe('2021-01-01');
    expect(await page.getByTestId('backtest-horizon').inputValue()).toBe('184');
    await page.getByTestId('backtest-method-kde').uncheck();
    await page.getByTestId('backtest-method-prospective').uncheck();
    await page.getByRole('button', { name: 'Запустить бэктест' }).click();
    await expect.poll(() => page.getByTestId('backtest-progress').getByRole('progressbar').count()).toBe(1);
    await expect.poll(() => page.getByTestId('backtest-table').isVisible(), { timeout: 90_000 }).toBe(true);

    const rows = page.getByTestId('backtest-table').locator('tbody tr');
    expect([2, 4]).toContain(await rows.count());
    const seppAt5 = plain(await page.getByTestId('bt-sepp-0.05-hit').textContent());
    expect(seppAt5).toMatch(/^\d{1,2},\d %/);
    // Every column marks its best with a star and words, not colour alone.
    expect(await page.getByTestId('backtest-table').locator('td[data-best]').count()).toBeGreaterThanOrEqual(9);
    expect(plain(await page.getByTestId('backtest-table').locator('td[data-best]').first().textContent())).toContain('★');
    expect(plain(await page.getByTestId('backtest-area').textContent())).toMatch(/ячеек по 150 м/);
    await expect.poll(() => page.locator('[data-testid=hit-rate-chart] .recharts-line').count()).toBe(await rows.count());
    await expectAccessible(page);

    // SEPP for all lines, with this backtest as its evidence.
    await page.getByTestId('choose-sepp').click();
    await expect.poll(() => page.getByTestId('choice-all').textContent()).toContain('SEPP');

    // A forecast of the demo city: progress, the fitted triggering, cells on the map.
    await page.getByTestId('forecasts-dataset').selectOption('almaty-demo');
    await expect.poll(() => page.getByTestId('dataset-facts').textContent()).toContain('Asia/Almaty');
    expect(await page.getByTestId('forecast-method').inputValue()).toBe('sepp');
    await page.getByRole('button', { name: 'Построить прогноз' }).click();
    await expect.poll(() => page.getByTestId('forecast-progress').getByRole('progressbar').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid=forecast-map] path[data-layer=forecast-cells]').count(), { timeout: 90_000 }).toBeGreaterThan(0);
    expect(plain(await page.getByTestId('forecast-fit').textContent())).toMatch(/θ = .*ω = /);
    expect(await page.getByTestId('forecast-cells').locator('tbody tr').count()).toBe(10);
    await expectAccessible(page);
  }, 240_000);

  it('on a phone, a saved mapping naming a column the file lacks is refused under that field, and the import page passes axe', async () => {
    const page = await newPage({ mobile: true });
    await login(page, 'analyst');
    // A mapping saved for another export of the source, whose category column this file does not have.
    const saved = await page.request.put(`${server().baseUrl}/api/v1/crime/mappings/${encodeURIComponent('Старая выгрузка')}`, {
      headers: { origin: server().baseUrl },
      data: { mapping: { format: 'csv', time: { kind: 'timestamp', column: 'occurred' }, category: 'NO_SUCH_COLUMN', place: { kind: 'lonlat', lon: 'lon', lat: 'lat' } } },
    });
    expect(saved.status()).toBe(200);

    await page.goto('/staff/crime/import?dataset=almaty-demo');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Импорт происшествий');
    const rows = ['occurred,type,lon,lat', '2026-10-01 22:15,Кража,76.9450,43.2380', '2026-10-02 09:40,Мошенничество,76.9120,43.2560'];
    await uploadFile(page, { name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    // The guess reads these names too.
    expect(await page.getByTestId('mapping-time.column').inputValue()).toBe('occurred');
    expect(await page.getByTestId('mapping-category').inputValue()).toBe('type');
    expect(await page.getByTestId('mapping-place.lon').inputValue()).toBe('lon');
    await expectAccessible(page);
    await expectNoSideScroll(page);

    await page.getByTestId('mapping-saved').selectOption({ label: 'Старая выгрузка' });
    expect(await page.getByTestId('mapping-category').inputValue()).toBe('NO_SUCH_COLUMN');
    await page.getByTestId('import-start').click();
    const category = page.getByTestId('mapping-category');
    await expect.poll(() => category.getAttribute('aria-invalid')).toBe('true');
    const errorId = ((await category.getAttribute('aria-describedby')) ?? '').split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBeTruthy();
    expect(plain(await page.locator(`[id="${errorId}"]`).textContent())).toContain('NO_SUCH_COLUMN');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('mapping-category');
    await expectAccessible(page);
    await expectNoSideScroll(page);

    // Choosing the file's own column lets the import through.
    await category.selectOption('type');
    await importAndWait(page);
    expect(await figure(page, 'rowsRead')).toBe('2');
    await expectAccessible(page);
    await expectNoSideScroll(page);
  }, 120_000);

  it('on a phone, the forecasts page runs a weekly backtest and a forecast without scrolling sideways, and passes axe', async () => {
    const page = await newPage({ mobile: true });
    await login(page, 'analyst');
    await page.goto('/staff/crime/forecasts?dataset=almaty-demo');
    await expect.poll(() => page.getByTestId('dataset-facts').textContent()).toContain('Asia/Almaty');
    await expectAccessible(page);
    await expectNoSideScroll(page);

    await page.getByTestId('forecast-method').selectOption('naive');
    await page.getByTestId('forecast-horizon').fill('7');
    await page.getByRole('button', { name: 'Построить прогноз' }).click();
    await expect.poll(() => page.locator('[data-testid=forecast-map] path[data-layer=forecast-cells]').count(), { timeout: 90_000 }).toBeGreaterThan(0);

    await page.getByTestId('preset-rolling').click();
    expect(await page.getByTestId('backtest-horizon').inputValue()).toBe('7');
    for (const method of ['kde', 'prospective', 'sepp']) await page.getByTestId(`backtest-method-${method}`).uncheck();
    await page.getByRole('button', { name: 'Запустить бэктест' }).click();
    await expect.poll(() => page.getByTestId('backtest-table').isVisible(), { timeout: 90_000 }).toBe(true);
    expect(plain(await page.getByTestId('backtest-summary').textContent())).toMatch(/^Прогнозов: 12 /);
    await expectAccessible(page);
    await expectNoSideScroll(page);
  }, 180_000);
});
