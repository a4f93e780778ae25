import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './support/browser.js';
import { useJourney } from './support/journey.js';

interface PrecinctFeature {
  properties: { id: string; code: string; inspectors: number };
}

/** Text with every kind of space (the locale groups digits with no-break spaces) made plain. */
const plain = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * A point well inside one of the given precincts as drawn on the finder's map, in page coordinates:
 * the largest precinct wholly in view, clear of the zoom buttons, and the mean of points along its
 * outline (the demo precincts are convex, so the mean lies inside).
 */
async function pointInsidePrecinct(page: Page, ids: readonly string[]): Promise<{ id: string; x: number; y: number }> {
  const found = await page.evaluate((candidates) => {
    const map = document.querySelector('[data-testid=finder-map] .leaflet-container')!.getBoundingClientRect();
    let best: { id: string; x: number; y: number; area: number } | null = null;
    for (const path of document.querySelectorAll<SVGPathElement>('[data-testid=finder-map] path[data-layer=precincts]')) {
      const id = path.getAttribute('data-feature') ?? '';
      if (!candidates.includes(id)) continue;
      const box = path.getBoundingClientRect();
      const inView = box.left > map.left + 56 && box.top > map.top + 90 && box.right < map.right - 8 && box.bottom < map.bottom - 8 && box.bottom < window.innerHeight;
      if (!inView || box.width * box.height <= (best?.area ?? 0)) continue;
      const ctm = path.getScreenCTM()!;
      const length = path.getTotalLength();
      let x = 0;
      let y = 0;
      const samples = 48;
      for (let i = 0; i < samples; i++) {
        const p = path.getPointAtLength((length * i) / samples);
        x += ctm.a * p.x + ctm.c * p.y + ctm.e;
        y += ctm.b * p.x + ctm.d * p.y + ctm.f;
      }
      best = { id, x: x / samples, y: y / samples, area: box.width * box.height };
    }
    return best;
  }, ids);
  if (!found) throw new Error('no precinct with an inspector is drawn wholly in view on the finder map');
  return found;
}

/** The finder's map, scrolled into view with its precinct outlines drawn. */
async function showFinderMap(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-testid=finder-map] path[data-layer=precincts]').count()).toBeGreaterThan(0);
  await page.getByTestId('finder-map').scrollIntoViewIfNeeded();
}

/** The "find my inspector" and workload pages of issue #4 (п.9, п.22), on a phone, in Debian's Chromium with axe-core. */
describe.skipIf(!browserAvailable)('precinct inspectors and their workload', () => {
  const { server, newPage, expectAccessible, expectNoSideScroll } = useJourney();

  it('a resident on a phone taps their home on the map and gets their inspector with a prefilled appeal', async () => {
    const outlines = (await (await fetch(`${server().baseUrl}/api/v1/precincts.geojson`)).json()) as { features: PrecinctFeature[] };
    const staffed = outlines.features.filter((f) => f.properties.inspectors > 0).map((f) => f.properties.id);
    expect(staffed.length).toBeGreaterThan(0);

    const page = await newPage({ mobile: true });
    await page.goto('/inspectors');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Найти своего участкового');
    await showFinderMap(page);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    const target = await pointInsidePrecinct(page, staffed);
    await page.mouse.click(target.x, target.y);
    await page.waitForURL(/\/inspectors\?lat=[-\d.]+&lon=[-\d.]+$/);
    const result = page.getByTestId('finder-result');
    await expect.poll(() => result.getAttribute('data-precinct')).toBe(target.id);
    const card = page.getByTestId('inspector-card').first();
    await expect.poll(() => card.isVisible()).toBe(true);

    // The card: a name, a tap-to-call number, the reception point with today's hours, the info sheets.
    expect(plain(await card.getByRole('heading', { level: 3 }).textContent())).not.toBe('');
    expect(await card.getByTestId('inspector-phone').getAttribute('href')).toMatch(/^tel:\+?\d{6,}$/);
    expect(await card.getByTestId('sheet-ru').getAttribute('href')).toMatch(/sheet\.pdf\?lang=ru$/);
    expect(await card.getByTestId('sheet-kk').getAttribute('href')).toMatch(/sheet\.pdf\?lang=kk$/);

    // The appeal form opens with the precinct and the tapped point already filled in.
    const url = new URL(page.url());
    const lat = url.searchParams.get('lat')!;
    const lon = url.searchParams.get('lon')!;
    expect(await card.getByTestId('appeal-link').getAttribute('href')).toBe(`/appeals/new?precinct=${target.id}&lat=${lat}&lon=${lon}`);
    const located = (await (await fetch(`${server().baseUrl}/api/v1/precincts/locate?lat=${lat}&lon=${lon}`)).json()) as { precinct: { id: string } };
    expect(located.precinct.id).toBe(target.id);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    // The inspector's own page (where the printed sheet's QR code leads) shows the card in full.
    await card.getByTestId('inspector-page-link').click();
    await page.waitForURL(/\/inspectors\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('inspector-page').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('hours-table').count()).toBe(1);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    // On return the finder offers the precinct found last time (kept on the device only).
    await page.goto('/inspectors');
    await expect.poll(() => page.getByTestId('last-precinct').isVisible()).toBe(true);
    const code = outlines.features.find((f) => f.properties.id === target.id)!.properties.code;
    expect(plain(await page.getByTestId('last-precinct').textContent())).toContain(code);
  });

  it('a tap outside the city says so plainly instead of guessing a precinct', async () => {
    const page = await newPage({ mobile: true });
    await page.goto('/inspectors');
    await showFinderMap(page);
    // Zoom well out: the map's corner is then far outside the city.
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByTestId('finder-map').scrollIntoViewIfNeeded();
    const box = (await page.locator('[data-testid=finder-map] .leaflet-container').boundingBox())!;
    await page.mouse.click(box.x + box.width - 12, box.y + box.height - 12);
    await expect.poll(() => page.getByTestId('outside-city').isVisible()).toBe(true);
    expect(plain(await page.getByTestId('outside-city').textContent())).toContain('Эта точка находится за пределами участков города.');
    expect(await page.getByTestId('inspector-card').count()).toBe(0);
    expect(await page.getByTestId('appeal-link').count()).toBe(0);
    await expectAccessible(page);
    await expectNoSideScroll(page);
  });

  it('the address search understands a Kazakh and an abbreviated spelling', async () => {
    const page = await newPage({ mobile: true });
    await page.goto('/inspectors');
    const field = page.getByLabel('Адрес', { exact: true });

    await field.fill('Абай даңғылы 10');
    const first = page.getByTestId('address-result').first();
    await expect.poll(() => first.textContent().then(plain)).toMatch(/Абая, 10/);
    expect(plain(await first.textContent())).toMatch(/участок \d{2}-\d{3}/);

    await field.fill('пр. Абая д.10');
    await expect.poll(() => first.textContent().then(plain)).toMatch(/Абая, 10/);
    await first.click();
    await page.waitForURL(/\/inspectors\?lat=/);
    await expect.poll(() => page.locator('[data-testid=inspector-card], [data-testid=vacant-precinct]').count()).toBeGreaterThan(0);
    expect(plain(await page.getByTestId('finder-result').textContent())).toContain('Адрес: ул. Абая, 10');
    expect(await page.getByTestId('appeal-link').first().getAttribute('href')).toMatch(/^\/appeals\/new\?precinct=[\w-]+&lat=[-\d.]+&lon=[-\d.]+$/);
    await expectAccessible(page);
    await expectNoSideScroll(page);
  });

  it('the finder passes axe in Kazakh', async () => {
    const page = await newPage({ mobile: true });
    await page.addInitScript(() => window.localStorage.setItem('openbeat.lang', 'kk'));
    await page.goto('/inspectors');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Учаскелік инспекторыңызды табыңыз');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    await showFinderMap(page);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    await page.getByLabel('Мекенжай', { exact: true }).fill('Абай даңғылы 10');
    await page.getByTestId('address-result').first().click();
    await expect.poll(() => page.locator('[data-testid=inspector-card], [data-testid=vacant-precinct]').count()).toBeGreaterThan(0);
    expect(plain(await page.getByTestId('finder-result').textContent())).toContain('Сіздің учаскеңіз');
    await expectAccessible(page);
    await expectNoSideScroll(page);
  });

  it('the workload page cites the report’s 390 and 7 000–8 000 next to the computed figures, and passes axe', async () => {
    const page = await newPage({ mobile: true });
    await page.goto('/precincts/workload');
    await expect.poll(() => page.getByTestId('reported-additional').textContent().then(plain)).toBe('390');
    expect(plain(await page.getByTestId('reported-2020').textContent())).toBe('7 000–8 000');
    expect(plain(await page.getByTestId('reported-figures').textContent())).toContain('Реальные данные из отчёта');
    expect(plain(await page.getByTestId('computed-figures').textContent())).toMatch(/Расчёт/);
    await expect.poll(() => page.getByTestId('district-workload-row').count()).toBe(8);
    await expect.poll(() => page.getByTestId('precinct-workload-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.city-map path[data-layer=load]').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    // The table is the map's text alternative: filter it by a precinct's code.
    const code = plain(await page.getByTestId('precinct-workload-row').first().getAttribute('data-code'));
    await page.getByLabel('Код или название участка').fill(code);
    await expect.poll(() => page.getByTestId('precinct-workload-row').count()).toBe(1);
  });
});
