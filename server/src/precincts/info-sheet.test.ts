import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../test-support/pdf-text.js';
import { formatPhoneForPrint, renderInfoSheet, type InfoSheetInput } from './info-sheet.js';

const PAGE_URL = 'https://openbeat.kz/precincts/AU-014/inspector';

function buildSheet(overrides: Partial<InfoSheetInput> = {}): InfoSheetInput {
  return {
    lang: 'ru',
    inspector: {
      name: 'Сейткали Нұрлан Бауыржанұлы',
      rank: 'капитан полиции',
      position: 'участковый инспектор полиции',
      phone: '+77011234567',
      photoJpeg: null,
      messengers: [
        { kind: 'whatsapp', handle: '+7 701 123 45 67' },
        { kind: 'telegram', handle: '@up_au014' },
      ],
    },
    precinct: { code: 'AU-014', name: 'Самал-2', districtName: 'Медеуский район' },
    reception: {
      address: 'ул. Жолдасбекова, 9, УПП № 3',
      hours: [
        { day: 1, opens: '14:00', closes: '18:00' },
        { day: 1, opens: '09:00', closes: '13:00' },
        { day: 3, opens: '18:00', closes: '20:00' },
        { day: 6, opens: '10:00', closes: '13:00' },
      ],
      note: null,
    },
    pageUrl: PAGE_URL,
    demo: false,
    ...overrides,
  };
}

const pageCount = (pdf: Buffer): number => Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);

describe('renderInfoSheet', () => {
  it('prints the Russian sheet: title, inspector, phone, messengers, hours by weekday, 102/112 and the page URL', async () => {
    const pdf = await renderInfoSheet(buildSheet());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    for (const expected of [
      'Ваш участковый инспектор полиции',
      'Сейткали Нұрлан Бауыржанұлы',
      'капитан полиции',
      '+7 701 123 45 67',
      'WhatsApp',
      '@up_au014',
      'AU-014',
      'Самал-2',
      'ул. Жолдасбекова, 9',
      'Понедельник',
      '09:00–13:00, 14:00–18:00',
      'Среда',
      '18:00–20:00',
      'Воскресенье',
      'нет приёма',
      '102',
      '112',
      'Фото нет',
      PAGE_URL,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('ДЕМО');
  });

  it('prints the Kazakh sheet with Kazakh letters and weekday names', async () => {
    const pdf = await renderInfoSheet(
      buildSheet({
        lang: 'kk',
        precinct: { code: 'AU-014', name: 'Самал-2', districtName: 'Медеу ауданы' },
        inspector: { ...buildSheet().inspector, rank: 'полиция капитаны', position: 'учаскелік полиция инспекторы' },
      }),
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain('Сіздің учаскелік полиция инспекторыңыз');
    expect(text).toMatch(/[әғқңөұүһі]/);
    expect(text).toContain('қ');
    for (const expected of ['Сейткали Нұрлан Бауыржанұлы', '+7 701 123 45 67', 'Дүйсенбі', 'Сәрсенбі', 'Жексенбі', 'қабылдау жоқ', 'Медеу ауданы', '102', '112', PAGE_URL]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Понедельник');
    expect(text).not.toContain('ДЕМО');
  });

  it('shows the demo band only for demo data, in the sheet language', async () => {
    expect(pdfText(await renderInfoSheet(buildSheet({ demo: true })))).toContain('ДЕМО: синтетические данные');
    expect(pdfText(await renderInfoSheet(buildSheet({ lang: 'kk', demo: true })))).toContain('ДЕМО: синтетикалық деректер');
    expect(pdfText(await renderInfoSheet(buildSheet({ lang: 'kk', demo: false })))).not.toContain('ДЕМО');
  });

  it.each(['ru', 'kk'] as const)('embeds the photo, and stays on one page with a full week, a note and long texts (%s)', async (lang) => {
    const photoJpeg = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#8899aa' } }).jpeg().toBuffer();
    const pdf = await renderInfoSheet(
      buildSheet({
        lang,
        demo: true,
        pageUrl: 'https://openbeat.kz/inspectors/3f2b9c1e-8d4a-4b7e-9c21-5a6d7e8f9a0b',
        inspector: {
          ...buildSheet().inspector,
          photoJpeg,
          name: 'Абдрахманова-Кенжебекова Гульмира Серикбаевна',
          position: 'старший участковый инспектор полиции отдела местной полицейской службы Медеуского РУП',
          messengers: [
            { kind: 'whatsapp', handle: '+7 701 123 45 67' },
            { kind: 'telegram', handle: '@up_au014' },
            { kind: 'instagram', handle: '@medeu_police' },
          ],
        },
        reception: {
          address: 'мкр. Самал-2, ул. Жолдасбекова, 9, участковый пункт полиции № 3, вход со двора',
          hours: [1, 2, 3, 4, 5, 6, 7].flatMap((day) => [
            { day, opens: '09:00', closes: '13:00' },
            { day, opens: '15:00', closes: '19:00' },
          ]),
          note: 'В праздничные дни приём ведёт дежурный участковый инспектор в здании РУП.',
        },
      }),
    );
    expect(pageCount(pdf)).toBe(1);
    expect(pdf.includes('/Subtype /Image')).toBe(true);
    expect(pdfText(pdf)).not.toContain('Фото нет');
  });

  it('shrinks the type rather than spill onto a second page', async () => {
    const pdf = await renderInfoSheet(
      buildSheet({
        lang: 'kk',
        demo: true,
        pageUrl: 'https://openbeat.kz/inspectors/3f2b9c1e-8d4a-4b7e-9c21-5a6d7e8f9a0b',
        inspector: {
          ...buildSheet().inspector,
          name: 'Абдрахманова-Кенжебекова Гульмира Серикбаевна',
          rank: 'полиция майоры',
          position: 'Медеу аудандық полиция басқармасының жергілікті полиция қызметі бөлімінің аға учаскелік полиция инспекторы',
          messengers: Array.from({ length: 6 }, (_, i) => ({ kind: 'telegram', handle: `@up_au01${i}` })),
        },
        reception: {
          address: 'Самал-2 ш/а, Жолдасбеков к-сі, 9, № 3 учаскелік полиция пункті, кіреберіс аула жағынан',
          hours: [1, 2, 3, 4, 5, 6, 7].flatMap((day) => [
            { day, opens: '09:00', closes: '13:00' },
            { day, opens: '15:00', closes: '19:00' },
          ]),
          note: 'Мереке күндері қабылдауды аудандық полиция басқармасы ғимаратында кезекші учаскелік инспектор жүргізеді.',
        },
      }),
    );
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    for (const expected of ['+7 701 123 45 67', '@up_au015', 'Жексенбі', '112', 'жүргізеді']) expect(text).toContain(expected);
  });

  it('prints around-the-clock posts and missing reception in words', async () => {
    const allDay = pdfText(await renderInfoSheet(buildSheet({ reception: { address: 'пр. Абая, 1', hours: [], allDay: true } })));
    expect(allDay).toContain('Круглосуточно');
    expect(allDay).not.toContain('Понедельник');
    const none = pdfText(await renderInfoSheet(buildSheet({ lang: 'kk', reception: null })));
    expect(none).toContain('Қабылдау уақытын телефон арқылы нақтылаңыз');
  });

  it('writes Kazakh mobile numbers in groups and leaves other numbers as given', () => {
    expect(formatPhoneForPrint('+77011234567')).toBe('+7 701 123 45 67');
    expect(formatPhoneForPrint('+7 (727) 254-40-01')).toBe('+7 727 254 40 01');
    expect(formatPhoneForPrint('102')).toBe('102');
  });
});
