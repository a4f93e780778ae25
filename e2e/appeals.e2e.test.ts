import exifr from 'exifr';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './support/browser.js';
import { useJourney } from './support/journey.js';

/** Text with every kind of space made plain. */
const plain = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** What the resident types as their contact: none of it may ever appear in public. */
const CONTACT = { name: 'Гульнара Тестовая', phone: '+7 701 555 12 34', email: 'gulnara.private@example.kz' };

/** A phone photo of the graffiti: a small JPEG whose EXIF says where it was taken (Almaty) and with what. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: '#7a5c3e' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'OpenbeatTestCam', Model: 'Phone 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '76/1 54/1 0/1' },
    })
    .toBuffer();
}

/** Bytes of a PDF document, to be sent under a photo's name. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/**
 * A point well inside a district as drawn on the form's map, in page coordinates: the largest district
 * wholly in view, clear of the zoom buttons, at the mean of points along its outline.
 */
async function pointInsideDistrict(page: Page): Promise<{ x: number; y: number }> {
  const found = await page.evaluate(() => {
    const map = document.querySelector('[data-testid=place-map] .leaflet-container')!.getBoundingClientRect();
    let best: { x: number; y: number; area: number } | null = null;
    for (const path of document.querySelectorAll<SVGPathElement>('[data-testid=place-map] path[data-layer=districts]')) {
      const box = path.getBoundingClientRect();
      const inView = box.left > map.left && box.top > map.top && box.right < map.right && box.bottom < map.bottom;
      if (!inView || box.width * box.height <= (best?.area ?? 0)) continue;
      const ctm = path.getScreenCTM()!;
      const length = path.getTotalLength();
      let x = 0;
      let y = 0;
      const samples = 64;
      for (let i = 0; i < samples; i++) {
        const p = path.getPointAtLength((length * i) / samples);
        x += ctm.a * p.x + ctm.c * p.y + ctm.e;
        y += ctm.b * p.x + ctm.d * p.y + ctm.f;
      }
      best = { x: x / samples, y: y / samples, area: box.width * box.height };
    }
    return best;
  });
  if (!found) throw new Error('no district is drawn wholly in view on the form map');
  return found;
}

/** Opens the form with a category chosen on its card and the details shown. */
async function chooseCategory(page: Page, code: string): Promise<void> {
  await page.goto('/appeals/new');
  await expect.poll(() => page.getByTestId('category-card').count()).toBeGreaterThan(0);
  await page.locator(`[data-testid=category-card][data-code=${code}] label`).click();
  await page.getByTestId('category-continue').click();
  await expect.poll(() => page.getByLabel(/Опишите/).count()).toBe(1);
}

/** Taps a point of the city on the form's map and waits for the precinct it falls in. */
async function tapTheMap(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-testid=place-map] path[data-layer=districts]').count()).toBeGreaterThan(0);
  await page.getByTestId('place-map').scrollIntoViewIfNeeded();
  const target = await pointInsideDistrict(page);
  await page.mouse.click(target.x, target.y);
  await expect.poll(() => page.getByTestId('place-precinct').isVisible(), { timeout: 15_000 }).toBe(true);
}

async function publicTotal(baseUrl: string): Promise<number> {
  const list = (await (await fetch(`${baseUrl}/api/v1/appeals`)).json()) as { total: number };
  return list.total;
}

/** The residents' appeals of issue #4 (п.1, п.3): filing on a phone, following, and what stays private. */
describe.skipIf(!browserAvailable)('residents file and follow appeals', () => {
  const { server, newPage, expectAccessible, expectNoSideScroll } = useJourney();

  it('a resident on a phone reports drug graffiti with a photo by tapping the map, gets a code and follows it; nothing private is published', async () => {
    const photo = await photoWithGps();
    // The photo really carries what must go: otherwise this test could not fail.
    expect(await exifr.gps(photo)).toMatchObject({ latitude: 43.25, longitude: 76.9 });

    const page = await newPage({ mobile: true });
    await chooseCategory(page, 'drug_graffiti');
    await tapTheMap(page);
    await page.getByLabel(/Опишите/).fill('Надпись с адресом магазина наркотиков на стене гаража во дворе, видна с улицы.');
    await page.getByTestId('photo-input').setInputFiles({ name: 'graffiti.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => page.getByTestId('photo-item').count()).toBe(1);
    await page.getByLabel('Имя', { exact: true }).fill(CONTACT.name);
    await page.getByLabel('Телефон', { exact: true }).fill(CONTACT.phone);
    await page.getByLabel('Электронная почта').fill(CONTACT.email);
    expect(plain(await page.getByTestId('contact-private').textContent())).toMatch(/никогда не публикуются/);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    await page.getByRole('button', { name: 'Отправить обращение' }).click();
    await expect.poll(() => page.getByTestId('appeal-receipt').isVisible(), { timeout: 30_000 }).toBe(true);
    const code = plain(await page.getByTestId('receipt-code').textContent());
    expect(code).toMatch(/^AP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const key = plain(await page.getByTestId('receipt-key').textContent());
    expect(key.length).toBeGreaterThanOrEqual(10);
    // The code and the key are kept in this browser's "my appeals".
    const stored = await page.evaluate(() => window.localStorage.getItem('openbeat.appeals.mine'));
    expect(JSON.parse(stored ?? '[]')).toEqual([expect.objectContaining({ code, key })]);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    await page.getByTestId('receipt-follow').click();
    await page.waitForURL(`**/appeals/${code}`);
    await expect.poll(() => page.getByTestId('appeal-detail').isVisible()).toBe(true);
    expect(plain(await page.getByTestId('appeal-code').textContent())).toBe(code);
    await expect.poll(() => page.getByTestId('status-stepper').locator('[aria-current=step]').count()).toBe(1);
    expect(plain(await page.getByTestId('advert-status').textContent())).toMatch(/не закрашена/);
    await expect.poll(() => page.getByTestId('appeal-photos').locator('img').count()).toBe(1);
    await expectAccessible(page);
    await expectNoSideScroll(page);

    // Neither the page nor the API answer carries the contact; the photo served has no location.
    const pageText = await page.locator('body').textContent();
    const answer = await (await fetch(`${server().baseUrl}/api/v1/appeals/${code}`)).text();
    const listAnswer = await (await fetch(`${server().baseUrl}/api/v1/appeals?kind=drug_advert`)).text();
    for (const text of [pageText ?? '', answer, listAnswer]) {
      expect(text).not.toContain(CONTACT.name);
      expect(text).not.toContain(CONTACT.email);
      expect(text).not.toMatch(/555[\s-]?12[\s-]?34/);
    }
    const photoUrl = (JSON.parse(answer) as { photos: { url: string }[] }).photos[0]!.url;
    const served = Buffer.from(await (await fetch(`${server().baseUrl}${photoUrl}`)).arrayBuffer());
    expect(served.length).toBeGreaterThan(0);
    expect(await exifr.gps(served)).toBeUndefined();
    expect(await exifr.parse(served, true)).toBeUndefined();
    expect(served.includes('OpenbeatTestCam')).toBe(false);

    // The code typed loosely (lower case, no dashes) finds the same appeal from the list page.
    await page.goto('/appeals');
    await expect.poll(() => page.getByTestId('my-appeal').count()).toBe(1);
    await page.getByLabel('Код обращения').fill(code.toLowerCase().replaceAll('-', ''));
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect.poll(() => page.getByTestId('appeal-code').textContent().then(plain)).toBe(code);
  });

  it('a PDF renamed .jpg gets the server’s refusal next to the photo field, and nothing is stored', async () => {
    const before = await publicTotal(server().baseUrl);
    const page = await newPage({ mobile: true });
    await chooseCategory(page, 'drug_graffiti');
    await tapTheMap(page);
    await page.getByLabel(/Опишите/).fill('Надпись на стене подъезда с адресом телеграм-канала.');
    await page.getByTestId('photo-input').setInputFiles({ name: 'scan.jpg', mimeType: 'image/jpeg', buffer: PDF });
    await page.getByRole('button', { name: 'Отправить обращение' }).click();

    const error = page.getByTestId('photos-error');
    await expect.poll(() => error.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(plain(await error.textContent())).toMatch(/не фотография/);
    expect(plain(await error.textContent())).toMatch(/PDF/);
    // The refusal is tied to the field, and focus is where it can be fixed.
    expect(await page.locator('#photos').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#photos').getAttribute('aria-describedby')).toContain('photos-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('photos');
    expect(await page.getByTestId('appeal-receipt').count()).toBe(0);
    expect(await publicTotal(server().baseUrl)).toBe(before);
    await expectAccessible(page);
    await expectNoSideScroll(page);
  });

  it('the form passes axe in Russian and Kazakh, with its errors shown', async () => {
    const page = await newPage({ mobile: true });
    for (const lang of ['ru', 'kk'] as const) {
      await page.goto('/appeals/new');
      await page.evaluate((l) => window.localStorage.setItem('openbeat.lang', l), lang);
      await page.reload();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      await expect.poll(() => page.getByTestId('category-card').count()).toBeGreaterThan(0);
      await expectAccessible(page);
      await expectNoSideScroll(page);

      // A category that needs a place, sent empty: every error is announced next to its field.
      await page.locator('[data-testid=category-card][data-code=public_order] label').click();
      await page.getByTestId('category-continue').click();
      await expect.poll(() => page.getByTestId('place-map').isVisible()).toBe(true);
      await page.locator('[data-testid=appeal-form] button[type=submit]').click();
      await expect.poll(() => page.getByTestId('form-errors').isVisible()).toBe(true);
      expect(await page.getByTestId('place-error').count()).toBe(1);
      expect(await page.locator('#description').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page);
      await expectNoSideScroll(page);
    }
    const heading = plain(await page.getByRole('heading', { level: 1 }).textContent());
    expect(heading).toBe('Өтініш немесе ұсыныс беру');
  });
});
