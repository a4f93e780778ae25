import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './support/browser.js';
import { useJourney } from './support/journey.js';

interface Category {
  code: string;
  kind: string;
  responsibleUnit: string;
  active: boolean;
  name: { ru: string };
}

interface Receipt {
  code: string;
  residentKey: string;
}

interface PublicEvent {
  kind: string;
  unit: string | null;
  note: string | null;
}

/** The staff side of appeals (issue #4): queue, re-routing, answer, rating; Open311 keys. Debian's Chromium against the built app. */
describe.skipIf(!browserAvailable)('appeal handling by staff', () => {
  const { server, newPage, expectAccessible, expectNoSideScroll, login } = useJourney();

  /** A resident's appeal, filed through the public API as the form would file it. */
  async function fileAppeal(description: string): Promise<Receipt & { category: Category }> {
    const { app } = server();
    const categories = (await app.inject({ method: 'GET', url: '/api/v1/appeal-categories' })).json() as { items: Category[] };
    const category = categories.items.find((c) => c.active && c.kind === 'appeal' && c.responsibleUnit === 'precinct');
    if (!category) throw new Error('no active precinct-bound appeal category');
    const filed = await app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      payload: {
        category: category.code,
        description,
        // Almaly district, by Zhibek Zholy: routed by place to its precinct when the geography has one.
        lon: 76.9458,
        lat: 43.2566,
        address: 'ул. Жибек Жолы, 50 (e2e)',
        contact: { name: 'Айгуль Е2Е', phone: '+7 701 555 12 34', lang: 'ru' },
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    return { ...(filed.json() as Receipt), category };
  }

  async function publicTimeline(page: Page, code: string): Promise<PublicEvent[]> {
    const appeal = (await (await page.request.get(`/api/v1/appeals/${code}`)).json()) as { timeline: PublicEvent[] };
    return appeal.timeline;
  }

  it('an editor finds a new appeal in the queue, re-routes and answers it; the resident rates the answer', async () => {
    const receipt = await fileAppeal('Во дворе по ночам собирается шумная компания, мешают спать детям (e2e).');
    const { code } = receipt;

    // The editor starts from the workspace card and finds the appeal among all, newest first.
    const page = await newPage({ mobile: true });
    await login(page, 'editor');
    await page.getByRole('link', { name: /Обращения жителей/ }).click();
    await page.waitForURL('**/staff/appeals');
    await expect.poll(() => page.getByTestId('appeal-queue').isVisible()).toBe(true);
    await expectAccessible(page);
    await expectNoSideScroll(page);
    await page.getByTestId('queue-all').click();
    await page.getByLabel('Категория').selectOption(receipt.category.code);
    const row = page.locator(`[data-testid=appeal-row][data-code="${code}"]`);
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain(receipt.category.name.ru);
    await row.getByRole('link', { name: code }).click();
    await page.waitForURL(`**/staff/appeals/${code}`);

    // Everything about it, the resident's contact marked private.
    await expect.poll(() => page.getByTestId('appeal-full-text').textContent()).toMatch(/шумная компания/);
    const contact = (await page.getByTestId('appeal-contact').textContent()) ?? '';
    expect(contact).toMatch(/никогда не публикуются/);
    expect(contact).toContain('Айгуль Е2Е');
    expect(contact).toMatch(/701\D*555\D*12\D*34/);
    expect(await page.getByTestId('appeal-place').textContent()).toContain('ул. Жибек Жолы, 50 (e2e)');
    await expectAccessible(page);
    await expectNoSideScroll(page);

    // Re-routing needs a reason; it then shows in the public timeline.
    const units = (await (await page.request.get('/api/v1/appeal-units')).json()) as { items: { unit: string; name: { ru: string } }[] };
    const target = units.items.find((u) => u.unit === 'city:public_relations');
    expect(target).toBeDefined();
    const route = page.getByTestId('action-route');
    await route.getByLabel('Новый исполнитель').selectOption(target!.unit);
    await route.getByRole('button', { name: 'Переадресовать' }).click();
    await expect.poll(() => page.locator('#route-reason-error').textContent()).toMatch(/Укажите причину/);
    const reason = 'Вопрос профилактической беседы, передаём службе по работе с населением';
    await route.getByLabel('Причина переадресации').fill(reason);
    await route.getByRole('button', { name: 'Переадресовать' }).click();
    await expect.poll(() => page.getByTestId('action-route-done').textContent()).toMatch(/Обращение направлено/);
    expect(await page.getByTestId('appeal-unit').textContent()).toBe(target!.name.ru);
    expect(await page.getByTestId('appeal-timeline').textContent()).toContain(reason);
    expect(await publicTimeline(page, code)).toContainEqual(expect.objectContaining({ unit: target!.unit, note: reason }));

    const resident = await newPage({ mobile: true });
    await resident.goto(`/appeals/${code}?key=${encodeURIComponent(receipt.residentKey)}`);
    await expect.poll(() => resident.getByTestId('appeal-timeline').textContent()).toContain(reason);
    expect(await resident.locator('body').textContent()).not.toMatch(/701\D*555\D*12\D*34/);

    // The official answer: too short is refused beside the field, then published.
    const answer = page.getByTestId('action-answer');
    await answer.getByLabel('Текст ответа').fill('Принято.');
    await answer.getByRole('button', { name: 'Опубликовать ответ' }).click();
    await expect.poll(() => page.locator('#answer-text-error').textContent()).toMatch(/не короче 20/);
    await expectAccessible(page);
    const text = 'Сотрудники провели профилактическую беседу с жильцами, двор включён в маршрут вечернего патрулирования.';
    await answer.getByLabel('Текст ответа').fill(text);
    await answer.getByRole('button', { name: 'Опубликовать ответ' }).click();
    await expect.poll(() => page.getByTestId('action-answer-done').textContent()).toMatch(/Ответ опубликован/);
    expect(await page.getByTestId('staff-appeal').getAttribute('data-status')).toBe('answered');
    expect(await page.getByTestId('appeal-answer').textContent()).toContain(text);
    await expectAccessible(page);

    // The resident rates the answer on the public page, with the key from the receipt.
    await resident.reload();
    const rating = resident.getByRole('group', { name: 'Оцените ответ' });
    await expect.poll(() => rating.isVisible()).toBe(true);
    await rating.getByRole('radio', { name: /^4/ }).check();
    await resident.getByRole('button', { name: 'Отправить оценку' }).click();
    await expect.poll(() => resident.getByTestId('rating-done').textContent()).toMatch(/4 из 5/);

    // The staff page shows the rating.
    await page.reload();
    await expect.poll(() => page.getByTestId('appeal-rating').textContent()).toMatch(/4\/5/);
    await expectAccessible(page);
  });

  it('an inspector opens the appeal queue on a phone, their own queue first', async () => {
    const page = await newPage({ mobile: true });
    await login(page, 'inspector');
    await page.getByRole('link', { name: /Обращения жителей/ }).click();
    await page.waitForURL('**/staff/appeals');
    await expect.poll(() => page.getByRole('navigation', { name: 'Очереди обращений' }).isVisible()).toBe(true);
    expect(await page.getByTestId('queue-mine').getAttribute('aria-current')).toBe('page');
    await expectAccessible(page);
    await expectNoSideScroll(page);
  });

  it('an admin issues an Open311 key, sees it once, and revokes it after a confirmation', async () => {
    const page = await newPage();
    await login(page, 'admin');
    await page.getByRole('link', { name: /Open311 и категории обращений/ }).click();
    await page.waitForURL('**/admin/open311');
    await expect.poll(() => page.getByTestId('open311-endpoints').textContent()).toContain('/open311/v2/discovery.json');
    await expectAccessible(page);

    const name = 'Мобильное приложение (e2e)';
    await page.getByLabel('Кому выдаётся ключ').fill(name);
    await page.getByRole('button', { name: 'Выпустить ключ' }).click();
    const issued = page.getByTestId('issued-key');
    await expect.poll(() => issued.isVisible()).toBe(true);
    expect(await issued.textContent()).toMatch(/показывается один раз/);
    const key = (await page.getByTestId('issued-key-value').textContent()) ?? '';
    expect(key.length).toBeGreaterThan(16);
    await expectAccessible(page);

    // The list holds the key's prefix, never the key.
    const listed = (await (await page.request.get('/api/v1/admin/open311-keys')).json()) as { items: { id: string; name: string; prefix: string }[] };
    const entry = listed.items.find((k) => k.name === name);
    expect(entry).toBeDefined();
    expect(key.startsWith(entry!.prefix)).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(key);
    const row = page.getByTestId('open311-key').filter({ hasText: name });
    await expect.poll(() => row.textContent()).toMatch(/Действует/);

    // Once dismissed (or after a reload) the key is gone from the page.
    await page.getByRole('button', { name: 'Ключ сохранён, скрыть' }).click();
    expect(await issued.count()).toBe(0);
    await page.reload();
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await page.content()).not.toContain(key);

    // Revoking asks first.
    await row.getByRole('button', { name: `Отозвать: ${name}` }).click();
    await row.getByRole('button', { name: 'Да, отозвать' }).click();
    await expect.poll(() => row.textContent()).toMatch(/Отозван/);
  });
});
