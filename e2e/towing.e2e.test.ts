// The tow service of issue #6 (п.24) in the browser, end to end and without mocks: a tow operator registers
// a tow on a phone; the SMS goes through the real outbox, sender and SMPP provider to a real SMSC started
// here; the owner opens the SMS link, types the code and sees the impound lot — and a wrong code learns
// nothing. Then the staff follow the SMS to delivery and release the car, and the admin reads the SMS texts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/src/platform/db/db.js';
import { SmppProvider } from '../server/src/platform/notify/smpp-provider.js';
import { startTestSmsc, type SmscMessage, type TestSmsc } from '../server/src/test-support/smsc.js';
import { browserAvailable } from './support/browser.js';
import { useJourney } from './support/journey.js';

/** Text with every kind of space made plain. */
const plain = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** How people type a plate: Cyrillic look-alike letters, lower case, spaces (123ABC02 → «123 авс 02»). */
function looselyTyped(plate: string): string {
  const cyrillic: Record<string, string> = { A: 'а', B: 'в', C: 'с', E: 'е', H: 'н', K: 'к', M: 'м', O: 'о', P: 'р', T: 'т', X: 'х', Y: 'у' };
  const m = /^(\d{3})([A-Z]{3})(\d{2})$/.exec(plate);
  if (!m) throw new Error(`not a 2012 plate: ${plate}`);
  return `${m[1]} ${[...m[2]!].map((ch) => cyrillic[ch] ?? ch.toLowerCase()).join('')} ${m[3]}`;
}
const displayed = (plate: string) => plate.replace(/^(\d{3})([A-Z]{3})(\d{2})$/, '$1 $2 $3');

/** A photo of the car, as a phone would attach it: a JPEG file on disk. */
async function carPhoto(): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'openbeat-tow-')), 'car.jpg');
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#5b6770' } })
    .jpeg()
    .toFile(file);
  return file;
}

const GENERIC_NO_MATCH = 'По этому номеру и коду ничего не найдено — проверьте их и попробуйте ещё раз.';
const LINK_NO_MATCH = 'По этой ссылке и коду ничего не найдено — проверьте код из SMS и попробуйте ещё раз.';
const LOT_ADDRESS = 'ул. Тестовая, 1';

/** What the first test leaves for the next ones: the tow, the owner's SMS and its code and link. */
interface Registered {
  id: string;
  plate: string;
  sms: SmscMessage;
  code: string;
  linkPath: string;
}

describe.skipIf(!browserAvailable)('tow trucks: the owner’s SMS and “where is my car” (п.24)', () => {
  let smsc: TestSmsc | undefined;
  // Registered before the journey's hooks, so it runs after the server (and its SMPP session) has closed.
  afterAll(async () => {
    await smsc?.close();
  });
  const { server, newPage, login, expectAccessible, expectNoSideScroll } = useJourney({
    server: async () => {
      smsc = await startTestSmsc();
      const sms = new SmppProvider({ url: smsc.url, systemId: 'openbeat', password: 'secret', sourceAddr: 'POLICE', reconnectMs: { min: 50, max: 1000 }, throttleMs: { min: 100, max: 1000 } });
      return { sms };
    },
  });
  let registered: Registered | undefined;
  const theTow = (): Registered => {
    if (!registered) throw new Error('the tow of the first test is missing: run the file as a whole');
    return registered;
  };

  /** A registry plate no demo tow uses, so its SMS goes to a phone we know and no earlier tow answers for it. */
  async function registryPlate(): Promise<{ plate: string; phone: string }> {
    const [row] = await queryRows<{ plate: string; phone: string }>(
      server().db,
      sql`select r.plate, r.phone from vehicle_registry r
          where r.lang = 'ru' and r.plate ~ '^[0-9]{3}[A-Z]{3}[0-9]{2}$' and not exists (select 1 from tows t where t.plate = r.plate)
          order by r.plate limit 1`,
    );
    if (!row) throw new Error('the demo registry has no plate without a tow');
    return row;
  }

  async function lotId(code: string): Promise<string> {
    const lots = (await (await fetch(`${server().baseUrl}/api/v1/towing/lots`)).json()) as { id: string; code: string }[];
    const lot = lots.find((l) => l.code === code);
    if (!lot) throw new Error(`no impound lot ${code}`);
    return lot.id;
  }

  /** Taps the middle of the form's map and waits for the point to be marked. */
  async function tapTheMap(page: Page): Promise<void> {
    const map = page.locator('[data-testid=tow-place-map] .leaflet-container');
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error('the place map is not drawn');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('tow-place-summary').textContent().then(plain)).toMatch(/^Отмечено: 4\d\.\d{5}, 7\d\.\d{5}/);
  }

  it('an operator registers a tow with a photo on a phone; the SMS reaches the SMSC; the owner opens its link, types the code and sees the lot; a wrong code learns nothing', async () => {
    const owner = await registryPlate();
    const photo = await carPhoto();
    const lot1 = await lotId('LOT-1');

    // The operator, in the Almaly district, on a phone.
    const page = await newPage({ mobile: true });
    await login(page, 'tow_operator', { kind: 'district', districtId: 'almaly' });
    await expect.poll(() => page.getByTestId('towing-workspace').isVisible()).toBe(true);
    await page.goto('/staff/towing/new');
    await expect.poll(() => page.getByTestId('tow-form').isVisible()).toBe(true);

    // The plate as typed (Cyrillic, lower case, spaces) is shown as it will be stored, with its format.
    await page.locator('#tow-plate').fill(looselyTyped(owner.plate));
    await expect.poll(() => page.getByTestId('plate-normalized').textContent().then(plain)).toBe(displayed(owner.plate));
    expect(plain(await page.getByTestId('plate-check').textContent())).toMatch(/✓ номер Казахстана/);
    expect(await page.getByTestId('plate-override').count()).toBe(0);
    await page.locator('#tow-make').fill('Toyota Camry');
    await page.locator('#tow-colour').fill('белый');
    await page.locator('#tow-address').fill('ул. Толе би, 59 (тест)');
    await tapTheMap(page);
    // The time is now by default.
    expect(await page.locator('#tow-time').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await page.locator('#tow-reason').selectOption('no-parking');
    await page.locator('#tow-fine').fill('17 250');
    await page.locator('#tow-lot').selectOption(lot1);
    await page.locator('#tow-truck').fill('ЭВ-77');
    await page.getByTestId('tow-photo-input').setInputFiles(photo);
    await expect.poll(() => page.getByTestId('tow-photo-item').count()).toBe(1);
    expect(await page.getByTestId('tow-photo-input').getAttribute('capture')).toBe('environment');
    await expectAccessible(page);
    await expectNoSideScroll(page);

    await page.getByRole('button', { name: 'Зарегистрировать эвакуацию' }).click();
    await expect.poll(() => page.getByTestId('tow-registered').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(plain(await page.getByTestId('registered-plate').textContent())).toBe(displayed(owner.plate));
    expect(plain(await page.getByTestId('sms-queued').textContent())).toMatch(/SMS владельцу поставлено в очередь/);
    expect(await page.getByTestId('sms-no-contact').count()).toBe(0);
    const href = await page.getByTestId('registered-open').getAttribute('href');
    const id = /\/staff\/towing\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1];
    expect(id).toBeDefined();
    await expectAccessible(page);
    await expectNoSideScroll(page);

    // The SMS arrives at the operator's SMSC over SMPP, whole (joined from its parts), to the registry's phone.
    await smsc!.waitFor(() => smsc!.messages.some((m) => m.key === `tow:${id}:notice`), 30_000, 'the tow notice at the SMSC');
    const sms = smsc!.messages.find((m) => m.key === `tow:${id}:notice`)!;
    expect(sms.to).toBe(owner.phone.replace(/^\+/, ''));
    expect(sms.parts).toBeLessThanOrEqual(2);
    expect(sms.text).toContain(displayed(owner.plate));
    expect(sms.text).toContain(LOT_ADDRESS);
    expect(sms.text).toContain('17 250');
    const code = /Код (\d{6})/.exec(sms.text)?.[1];
    const linkPath = /\S+(\/c\/[0-9A-Za-z]{8})\b/.exec(sms.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(linkPath).toBeDefined();
    registered = { id: id!, plate: owner.plate, sms, code: code!, linkPath: linkPath! };

    // The owner opens the link on their phone — not signed in — and types the code.
    const ownerPage = await newPage({ mobile: true });
    await ownerPage.goto(linkPath!);
    await expect.poll(() => ownerPage.getByTestId('lookup-link-note').isVisible()).toBe(true);
    expect(await ownerPage.locator('#lookup-plate').count()).toBe(0);
    await expectAccessible(ownerPage);
    await expectNoSideScroll(ownerPage);
    await ownerPage.locator('#lookup-code').fill(code!);
    await ownerPage.getByTestId('lookup-submit').click();
    await expect.poll(() => ownerPage.getByTestId('lookup-result').isVisible()).toBe(true);
    expect(plain(await ownerPage.getByTestId('lookup-plate-result').textContent())).toBe(displayed(owner.plate));
    expect(plain(await ownerPage.getByTestId('lookup-lot-address').textContent())).toBe(LOT_ADDRESS);
    expect(await ownerPage.getByTestId('lookup-lot-phone').getAttribute('href')).toBe('tel:+77270000001');
    expect(plain(await ownerPage.getByTestId('lookup-fine').textContent())).toBe('17 250 ₸');
    expect(plain(await ownerPage.getByTestId('lookup-reason').textContent())).toMatch(/ст\.\s?597/);
    expect(plain(await ownerPage.getByTestId('lookup-status').textContent())).toMatch(/эвакуирован/i);
    expect(await ownerPage.getByTestId('lookup-bring').locator('li').count()).toBe(4);
    await expect.poll(() => ownerPage.locator('[data-testid=lot-map] .leaflet-interactive').count()).toBeGreaterThan(0);
    // The tow's plate is not demo data, but its lot is: the page says so.
    expect(await ownerPage.getByTestId('demo-notice').count()).toBeLessThanOrEqual(1);
    await expectAccessible(ownerPage);
    await expectNoSideScroll(ownerPage);

    // A wrong code on the same link: one sentence, and nothing of the car.
    await ownerPage.getByTestId('lookup-another').click();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await ownerPage.locator('#lookup-code').fill(wrong);
    await ownerPage.getByTestId('lookup-submit').click();
    await expect.poll(() => ownerPage.getByTestId('lookup-no-match').isVisible()).toBe(true);
    expect(plain(await ownerPage.getByTestId('lookup-no-match').textContent())).toBe(LINK_NO_MATCH);
    expect(await ownerPage.getByTestId('lookup-result').count()).toBe(0);
    const body = plain(await ownerPage.locator('main').textContent());
    expect(body).not.toContain(displayed(owner.plate));
    expect(body).not.toContain('Toyota');
    expect(body).not.toContain('17 250 ₸');
    await expectAccessible(ownerPage);
    await expectNoSideScroll(ownerPage);

    // By plate: a wrong code for the towed plate reads exactly as any code for a plate never towed.
    const stranger = await newPage({ mobile: true });
    await stranger.goto('/car');
    await stranger.locator('#lookup-plate').fill(looselyTyped(owner.plate));
    await stranger.locator('#lookup-code').fill(wrong);
    await stranger.getByTestId('lookup-submit').click();
    await expect.poll(() => stranger.getByTestId('lookup-no-match').isVisible()).toBe(true);
    const forTowed = plain(await stranger.getByTestId('lookup-no-match').textContent());
    await stranger.locator('#lookup-plate').fill('999 ZZZ 01');
    await stranger.locator('#lookup-code').fill(wrong);
    await stranger.getByTestId('lookup-submit').click();
    await expect.poll(() => stranger.getByTestId('lookup-no-match').isVisible()).toBe(true);
    const forNeverTowed = plain(await stranger.getByTestId('lookup-no-match').textContent());
    expect(forTowed).toBe(GENERIC_NO_MATCH);
    expect(forNeverTowed).toBe(forTowed);
    expect(await stranger.getByTestId('lookup-result').count()).toBe(0);
  });

  it("the staff see today's tows with the new tow's SMS delivered, release it, and the owner's page then says so", async () => {
    const tow = theTow();
    const plate = displayed(tow.plate);
    const page = await newPage();
    await login(page, 'tow_operator', { kind: 'district', districtId: 'almaly' });
    await page.goto('/staff/towing');
    await expect.poll(() => page.getByTestId('tows-table').isVisible()).toBe(true);
    expect(await page.getByTestId('tow-row').count()).toBeGreaterThan(1); // the demo's tows of today, and ours
    const row = page.locator(`[data-testid=tows-table] [data-testid=tow-row][data-id="${tow.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(plain(await row.locator('th').textContent())).toBe(plate);
    // The SMSC's receipt makes it delivered; the list refreshes by itself while an SMS is on its way.
    await expect.poll(() => row.getByTestId('sms-status').textContent().then(plain), { timeout: 30_000 }).toMatch(/Доставлено$/);
    expect(plain(await row.getByTestId('tow-status').textContent())).toMatch(/Эвакуирован/);
    expect(await row.getByTestId('to-call').count()).toBe(0);
    await expectAccessible(page);

    // The car reaches the lot, then is released: to whom, and which documents were checked.
    await row.getByTestId('action-at-lot').click();
    await expect.poll(() => row.getByTestId('tow-status').textContent().then(plain)).toMatch(/На штрафстоянке/);
    await row.getByTestId('action-release').click();
    const form = page.getByTestId('release-form');
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByTestId('release-submit').click();
    await expect.poll(() => form.locator('.field-error').count()).toBeGreaterThan(0); // nothing filled: refused in place
    await form.getByLabel(/Кому выдан/).fill('Владелец, удостоверение №000000000 (тест)');
    await form.getByTestId('release-doc-id').check();
    await form.getByTestId('release-doc-registration').check();
    await form.getByTestId('release-doc-finePaid').check();
    await expectAccessible(page);
    await form.getByTestId('release-submit').click();
    await expect.poll(() => row.getByTestId('tow-status').textContent().then(plain)).toMatch(/Выдан/);
    expect(await page.getByTestId('release-form').count()).toBe(0);

    // The release SMS goes out too.
    await smsc!.waitFor(() => smsc!.messages.some((m) => m.key === `tow:${tow.id}:released`), 30_000, 'the release SMS at the SMSC');

    // The tow's own page: every field, the photo, the message timeline with the receipt.
    await row.locator('th a').click();
    await page.waitForURL(`**/staff/towing/${tow.id}`);
    await expect.poll(() => page.getByTestId('tow-detail').isVisible()).toBe(true);
    expect(plain(await page.getByTestId('tow-detail-plate').textContent())).toBe(plate);
    expect(plain(await page.getByTestId('tow-released').textContent())).not.toBe('');
    await expect.poll(() => page.locator('[data-testid=tow-photos] img').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid=tow-photos] img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect.poll(() => page.locator('[data-testid=message-event][data-kind=receipt]').count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // The owner's page now says the car was released.
    const ownerPage = await newPage({ mobile: true });
    await ownerPage.goto(tow.linkPath);
    await ownerPage.locator('#lookup-code').fill(tow.code);
    await ownerPage.getByTestId('lookup-submit').click();
    await expect.poll(() => ownerPage.getByTestId('lookup-released').isVisible()).toBe(true);
    expect(plain(await ownerPage.getByTestId('lookup-status').textContent())).toMatch(/^Автомобиль выдан/);
    expect(await ownerPage.getByTestId('lookup-bring').count()).toBe(0);
    await expectAccessible(ownerPage);
    await expectNoSideScroll(ownerPage);
  });

  it('the admin sees the default notice as 2 parts of UCS-2, a live preview that flags an unknown placeholder, and imports a registry CSV', async () => {
    const page = await newPage();
    await login(page, 'admin');
    await page.goto('/staff/towing/settings');
    const notice = page.getByTestId('template-notice-ru');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(plain(await notice.getByTestId('preview-encoding').textContent())).toBe('UCS-2 (кириллица)');
    expect(plain(await notice.getByTestId('preview-segments').textContent())).toBe('2 части SMS (по 67)');
    expect(await notice.getByTestId('preview-too-long').count()).toBe(0);
    await expectAccessible(page);

    // Typing changes the preview (debounced, from the server): a field it does not know is flagged, and it cannot be saved.
    const textarea = notice.locator('textarea');
    await textarea.fill(`${await textarea.inputValue()} {owner}`);
    await expect.poll(() => notice.getByTestId('preview-unknown').isVisible()).toBe(true);
    expect(plain(await notice.getByTestId('preview-unknown').textContent())).toContain('{owner}');
    expect(await notice.getByTestId('template-save').isDisabled()).toBe(true);
    await textarea.fill('{plate} эвакуирован. Штраф {fine} тг.');
    await expect.poll(() => notice.getByTestId('preview-missing').isVisible()).toBe(true);
    await expectAccessible(page);

    // The registry: rows imported, and the others refused by reason.
    const csv = ['plate,phone,lang', '001 ZZZ 02,+7 701 555 00 01,ru', '002 ZZZ 02,87015550002,kk', '003 ZZZ 02,+7 727 555 00 03,ru', '004 ZZZ 02,12345,ru', '001ZZZ02,+77015550009,ru'].join('\n');
    await page.getByTestId('registry-form').locator('input[type=file]').setInputFiles({ name: 'registry.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Загрузить реестр' }).click();
    await expect.poll(() => page.getByTestId('registry-result').isVisible()).toBe(true);
    expect(plain(await page.getByTestId('registry-rows').textContent())).toBe('5');
    expect(plain(await page.getByTestId('registry-imported').textContent())).toBe('2');
    expect(plain(await page.getByTestId('registry-rejected').textContent())).toBe('3');
    for (const reason of ['not_mobile', 'bad_phone', 'duplicate_in_file']) expect(await page.getByTestId(`registry-reject-${reason}`).count()).toBe(1);
    expect(plain(await page.locator('main').textContent())).not.toContain('5550001');
    await expectAccessible(page);
  });

  it('every towing page passes axe on a desktop and a phone, in Russian and Kazakh', async () => {
    const tow = theTow();
    const pages = ['/car', tow.linkPath, '/staff', '/staff/towing', '/staff/towing/new', `/staff/towing/${tow.id}`, '/staff/towing/settings', '/staff/towing/figures'];
    for (const mobile of [false, true]) {
      const page = await newPage({ mobile });
      await login(page, 'admin');
      for (const lang of ['ru', 'kk'] as const) {
        await page.evaluate((l) => window.localStorage.setItem('openbeat.lang', l), lang);
        for (const url of pages) {
          await page.goto(url);
          await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
          await expect.poll(() => page.locator('main h1').count()).toBe(1);
          await expect.poll(() => page.getByTestId('loading').count()).toBe(0);
          await expectAccessible(page);
          if (mobile) await expectNoSideScroll(page);
        }
      }
      // The public page in Kazakh is Kazakh.
      await page.goto('/car');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent().then(plain)).toBe('Көлігім қайда');
    }
  });
});
