import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './support/browser.js';
import { useJourney } from './support/journey.js';

interface HexagonAnswer {
  month: string;
  line: string | null;
  k: number;
  synthetic: boolean;
  total: number;
  notShown: number;
  features: { properties: { h3: string; resolution: number; count: number } }[];
}

interface DistrictAnswer {
  month: string;
  line: string | null;
  k: number;
  districts: { id: string; count: number | null; belowK: boolean }[];
}

interface IncidentAnswer {
  total: number;
  clustered: boolean;
  truncated: boolean;
  features: unknown[];
}

interface Line {
  code: string;
  againstPerson: boolean;
  name: { ru: string; kk: string; en: string };
}

/** Text with every kind of space (the locale groups digits with no-break spaces) made plain. */
const plain = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();
/** Numbers without their group separators (spaces in Russian and Kazakh, commas in English). */
const digits = (text: string | null): string => (text ?? '').replace(/(\d)[\s,](?=\d{3})/g, '$1').replace(/\s+/g, '');

const isHexagons = (r: Response) => r.url().includes('/api/v1/crime/public/hexagons') && r.request().method() === 'GET';
const isDistricts = (r: Response) => r.url().includes('/api/v1/crime/public/districts') && r.request().method() === 'GET';
const isIncidents = (r: Response) => r.url().includes('/api/v1/crime/incidents?') && r.request().method() === 'GET';

/** The staff map with its incidents drawn: points or clusters. */
async function incidentsDrawn(page: Page): Promise<number> {
  return page.locator('[data-testid=staff-crime-map] [data-layer=clusters], [data-testid=staff-crime-map] path[data-layer=incidents]').count();
}

/** The public crime map (п.6) and the staff map with CompStat, in Debian's Chromium with axe-core. */
describe.skipIf(!browserAvailable)('the crime map', () => {
  const { server, newPage, expectAccessible, expectNoSideScroll, login } = useJourney();

  const api = async <T,>(path: string): Promise<T> => (await (await fetch(`${server().baseUrl}${path}`)).json()) as T;

  it('opens on the latest month in Russian, Kazakh and English: hexagons only, none under k, and says why', async () => {
    const months = await api<{ k: number; months: { month: string; synthetic: boolean }[] }>('/api/v1/crime/public/months');
    expect(months.months.length).toBeGreaterThan(12);
    const latest = months.months[0]!.month;
    const headings = { ru: 'Карта преступности', kk: 'Қылмыс картасы', en: 'Crime map' } as const;

    for (const [lang, heading] of Object.entries(headings)) {
      const page = await newPage({ mobile: lang !== 'ru' });
      await page.addInitScript((l) => window.localStorage.setItem('openbeat.lang', l), lang);
      const answer = page.waitForResponse(isHexagons);
      await page.goto('/crime');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);

      // What the page itself received: the latest month, all lines, and no published cell under k.
      const response = await answer;
      expect(response.status()).toBe(200);
      expect(new URL(response.url()).searchParams.get('month')).toBe(latest);
      const hexagons = (await response.json()) as HexagonAnswer;
      expect(hexagons.month).toBe(latest);
      expect(hexagons.line).toBeNull();
      expect(hexagons.k).toBe(months.k);
      expect(hexagons.features.length).toBeGreaterThan(20);
      for (const f of hexagons.features) expect(f.properties.count).toBeGreaterThanOrEqual(hexagons.k);
      expect(hexagons.features.reduce((sum, f) => sum + f.properties.count, 0)).toBe(hexagons.total - hexagons.notShown);

      // Every cell is drawn, and nothing else is.
      const map = page.getByTestId('public-crime-map');
      await expect.poll(() => map.locator('path[data-layer=hexagons]').count()).toBe(hexagons.features.length);
      expect(await map.locator('path:not([data-layer=hexagons])').count()).toBe(0);
      const drawnCounts = await map.locator('path[data-layer=hexagons]').evaluateAll((paths) => paths.map((p) => Number(p.getAttribute('data-count'))));
      expect(Math.min(...drawnCounts)).toBeGreaterThanOrEqual(hexagons.k);
      expect(await map.getByRole('region').getAttribute('aria-label')).toBeTruthy();

      // The k rule, what it leaves off the map, and that the data are a demonstration.
      const note = page.getByTestId('k-note');
      expect(digits(await note.textContent())).toContain(String(hexagons.k));
      const notShown = digits(await page.getByTestId('not-shown').textContent());
      expect(notShown).toContain(String(hexagons.total));
      expect(notShown).toContain(String(hexagons.notShown));
      expect(await page.getByTestId('count-legend').isVisible()).toBe(true);
      expect(hexagons.synthetic).toBe(true);
      expect(await page.getByTestId('demo-notice').isVisible()).toBe(true);
      expect(plain(await page.locator('#site-nav a[href="/crime"]').textContent())).toBe(heading);

      await expectAccessible(page);
      if (lang !== 'ru') await expectNoSideScroll(page);
    }

    const ruPage = await newPage();
    await ruPage.goto('/crime');
    await expect.poll(() => ruPage.getByTestId('k-note').textContent().then(plain)).toContain(`Ни одна ячейка карты не показывает меньше ${months.k} происшествий`);
    expect(plain(await ruPage.getByTestId('demo-notice').textContent())).toContain('демонстрационные данные');
  });

  it('a crime against the person shows the district table instead of hexagons, with small counts withheld', async () => {
    const lines = await api<Line[]>('/api/v1/crime/lines');
    const person = lines.find((l) => l.code === 'domestic_violence') ?? lines.find((l) => l.againstPerson)!;
    expect(person.againstPerson).toBe(true);

    const page = await newPage({ mobile: true });
    const hexagonLines: (string | null)[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/crime/public/hexagons')) hexagonLines.push(new URL(r.url()).searchParams.get('line'));
    });
    await page.goto('/crime');
    await expect.poll(() => page.locator('path[data-layer=hexagons]').count()).toBeGreaterThan(0);

    const answer = page.waitForResponse((r) => isDistricts(r) && r.url().includes(`line=${person.code}`));
    await page.getByLabel('Вид преступлений').selectOption(person.code);
    const districts = (await (await answer).json()) as DistrictAnswer;
    await page.waitForURL(new RegExp(`line=${person.code}`));

    // The map turns into districts, the hexagons go, and the table has a row per district.
    const map = page.getByTestId('public-crime-map');
    await expect.poll(() => map.getAttribute('data-view')).toBe('districts');
    await expect.poll(() => map.locator('path[data-layer=hexagons]').count()).toBe(0);
    await expect.poll(() => map.locator('path[data-layer=district-counts]').count()).toBe(districts.districts.length);
    const rows = page.getByTestId('district-row');
    await expect.poll(() => rows.count()).toBe(districts.districts.length);
    expect(hexagonLines).not.toContain(person.code);
    expect(await page.getByTestId('not-shown').count()).toBe(0);

    // A count under k is never published, in the answer or on the page.
    for (const d of districts.districts) {
      if (d.count !== null) expect(d.count === 0 || d.count >= districts.k).toBe(true);
      const cell = page.locator(`[data-testid=district-row][data-district="${d.id}"] td`);
      expect(plain(await cell.textContent())).toBe(d.count === null ? `меньше ${districts.k}` : String(d.count));
    }
    expect(plain(await page.getByRole('heading', { level: 2 }).first().textContent())).toContain('по районам');

    await expectAccessible(page);
    await expectNoSideScroll(page);
  });

  it('an analyst filters the staff map by night, toggles the patrol sectors, opens a point and reads CompStat', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    const first = page.waitForResponse(isIncidents);
    await page.getByTestId('crime-map-workspace').getByRole('link', { name: /Карта происшествий/ }).click();
    await page.waitForURL('**/staff/crime/map');
    const initial = (await (await first).json()) as IncidentAnswer;
    expect(new URL((await first).url()).searchParams.get('dataset')).toBe('almaty-demo');
    expect(new URL((await first).url()).searchParams.get('bbox')).toMatch(/^[-\d.]+(,[-\d.]+){3}$/);

    const total = page.getByTestId('incident-total');
    await expect.poll(() => total.getAttribute('data-total')).not.toBeNull();
    await expect.poll(() => incidentsDrawn(page)).toBeGreaterThan(0);
    const allDay = Number(await total.getAttribute('data-total'));
    expect(allDay).toBeGreaterThan(500);
    expect(initial.features.length).toBeGreaterThan(0);
    expect(await page.getByTestId('demo-notice').isVisible()).toBe(true);
    await expectAccessible(page);

    // Night only: a new question to the server, and a smaller total on the page.
    const night = page.waitForResponse((r) => isIncidents(r) && r.url().includes('period=night'));
    await page.getByLabel('Ночь', { exact: true }).check();
    const nightAnswer = (await (await night).json()) as IncidentAnswer;
    expect(nightAnswer.total).toBeLessThan(allDay);
    await expect.poll(() => total.getAttribute('data-total')).toBe(String(nightAnswer.total));
    await expect.poll(() => total.textContent().then(digits)).toContain(String(nightAnswer.total));

    // The patrol sectors layer (п.6: 102 sectors) comes and goes.
    const sectors = page.locator('[data-testid=staff-crime-map] path[data-layer=sectors]');
    expect(await sectors.count()).toBe(0);
    await page.getByTestId('layer-sectors').check();
    await expect.poll(() => sectors.count()).toBe(102);
    await page.getByTestId('layer-sectors').uncheck();
    await expect.poll(() => sectors.count()).toBe(0);

    // Zoomed in, the map shows exact points; a point's popup says what, which category and when.
    for (let i = 0; i < 6 && (await total.getAttribute('data-clustered')) !== 'false'; i++) {
      const next = page.waitForResponse(isIncidents);
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await next;
      await page.waitForTimeout(200);
    }
    await expect.poll(() => total.getAttribute('data-clustered')).toBe('false');
    const points = page.locator('[data-testid=staff-crime-map] path[data-layer=incidents]');
    await expect.poll(() => points.count()).toBeGreaterThan(0);
    await points.first().dispatchEvent('click');
    const popup = page.locator('.incident-popup');
    await expect.poll(() => popup.count()).toBe(1);
    expect(plain(await popup.textContent())).toMatch(/\d{4}/);
    expect(await page.getByTestId('incident-list').count()).toBe(1);

    // CompStat: the last 28 days against the same days a year earlier, per district and line.
    const compstat = page.getByTestId('compstat-table');
    await expect.poll(() => compstat.locator('[data-testid=compstat-row]').count()).toBeGreaterThan(5);
    const header = plain(await compstat.locator('thead').textContent());
    expect(header).toContain('Период 1');
    expect(header).toContain('Изменение');
    const change = plain(await compstat.locator('[data-testid=compstat-row]').first().locator('td').nth(3).textContent());
    expect(change).toMatch(/^[▲▼＝] [+−]?\d+ \((рост|снижение|без изменений)\)$/);
    await compstat.getByRole('button', { name: /Район/ }).click();
    await expect.poll(() => compstat.locator('th[aria-sort]').textContent()).toContain('Район');
    expect(await compstat.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    expect(plain(await page.getByTestId('compstat-total').textContent())).toContain('Итого');
    await expectAccessible(page);
  });

  it('the staff map works on a phone: filters fold away, axe passes', async () => {
    const page = await newPage({ mobile: true });
    await login(page, 'dispatcher');
    await page.goto('/staff/crime/map');
    await expect.poll(() => page.getByTestId('incident-total').getAttribute('data-total')).not.toBeNull();
    await expect.poll(() => incidentsDrawn(page)).toBeGreaterThan(0);
    const filters = page.getByTestId('crime-filters');
    expect(await filters.getAttribute('open')).toBeNull();
    await expectAccessible(page);
    await expectNoSideScroll(page);

    await filters.locator('summary').click();
    await expect.poll(() => filters.getAttribute('open')).not.toBeNull();
    await expect.poll(() => page.getByTestId('compstat-table').count()).toBe(1);
    await expectAccessible(page);
    await expectNoSideScroll(page);
  });
});
