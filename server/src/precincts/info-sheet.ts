// The printable A4 sheet about a precinct inspector (участковый инспектор полиции) that is posted in
// shops, pharmacies and entrances (report item п.22), in Russian or Kazakh.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../platform/documents/pdf.js';

export type InfoSheetLang = 'ru' | 'kk';

/** Reception on one weekday: 1 = Monday … 7 = Sunday, local `HH:MM`. */
export interface InfoSheetHours {
  day: number;
  opens: string;
  closes: string;
}

export interface InfoSheetInput {
  lang: InfoSheetLang;
  /** Texts already in `lang`. */
  inspector: {
    name: string;
    rank: string;
    position: string;
    phone: string;
    /** The processed portrait (photo store); a neutral box is printed without it. */
    photoJpeg: Buffer | null;
    messengers: { kind: string; handle: string }[];
  };
  precinct: { code: string; name: string; districtName: string };
  /** Where and when the inspector receives residents; null prints "ask by phone". */
  reception: {
    address: string;
    /** A day may have several intervals; a missing day is printed as closed. */
    hours: InfoSheetHours[];
    note?: string | null;
    /** Open around the clock (a modular post): printed instead of the table. */
    allDay?: boolean;
  } | null;
  /** The inspector's public page; printed and encoded in the QR code. */
  pageUrl: string;
  /** Synthetic demo data: a band across the top says so. */
  demo: boolean;
}

interface SheetLabels {
  title: string;
  invitation: string;
  precinct: string;
  noPhoto: string;
  phone: string;
  messengers: string;
  reception: string;
  address: string;
  hours: string;
  closed: string;
  allDay: string;
  noReception: string;
  emergency: string;
  police: string;
  rescue: string;
  qr: string;
  demo: string;
  weekdays: readonly [string, string, string, string, string, string, string];
}

const labels: Record<InfoSheetLang, SheetLabels> = {
  ru: {
    title: 'Ваш участковый инспектор полиции',
    invitation: 'Звоните или пишите по вопросам правопорядка в вашем дворе и на вашей улице',
    precinct: 'Участок',
    noPhoto: 'Фото нет',
    phone: 'Телефон',
    messengers: 'Мессенджеры',
    reception: 'Приём граждан',
    address: 'Адрес',
    hours: 'Часы приёма',
    closed: 'нет приёма',
    allDay: 'Круглосуточно',
    noReception: 'Время приёма уточняйте по телефону',
    emergency: 'В экстренной ситуации звоните',
    police: 'полиция',
    rescue: 'единый номер экстренных служб',
    qr: 'Страница инспектора: отзывы, обращения, часы приёма',
    demo: 'ДЕМО: синтетические данные',
    weekdays: ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'],
  },
  kk: {
    title: 'Сіздің учаскелік полиция инспекторыңыз',
    invitation: 'Ауланыздағы және көшеңіздегі құқықтық тәртіп мәселелері бойынша қоңырау шалыңыз немесе жазыңыз',
    precinct: 'Учаске',
    noPhoto: 'Фото жоқ',
    phone: 'Телефон',
    messengers: 'Мессенджерлер',
    reception: 'Азаматтарды қабылдау',
    address: 'Мекенжайы',
    hours: 'Қабылдау уақыты',
    closed: 'қабылдау жоқ',
    allDay: 'Тәулік бойы',
    noReception: 'Қабылдау уақытын телефон арқылы нақтылаңыз',
    emergency: 'Шұғыл жағдайда қоңырау шалыңыз',
    police: 'полиция',
    rescue: 'шұғыл қызметтердің бірыңғай нөмірі',
    qr: 'Инспектордың беті: пікірлер, өтініштер, қабылдау уақыты',
    demo: 'ДЕМО: синтетикалық деректер',
    weekdays: ['Дүйсенбі', 'Сейсенбі', 'Сәрсенбі', 'Бейсенбі', 'Жұма', 'Сенбі', 'Жексенбі'],
  },
};

const messengerNames: Record<string, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  instagram: 'Instagram',
  facebook: 'Facebook',
  vk: 'VK',
};

const ACCENT = '#0b3d91';
const MUTED = '#555555';
const EMERGENCY = '#b00020';
const PHOTO_SIZE: [number, number] = [150, 190];

/** `+77011234567` → `+7 701 123 45 67`, the way numbers are written on Kazakh notices; anything else as given. */
export function formatPhoneForPrint(phone: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone.replace(/[\s()-]/g, ''));
  return m ? `+7 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : phone;
}

/** Each weekday with its intervals joined (`09:00–13:00, 14:00–18:00`), or null when there is no reception. */
function weekRows(hours: readonly InfoSheetHours[]): (string | null)[] {
  return [1, 2, 3, 4, 5, 6, 7].map((day) => {
    const intervals = hours
      .filter((h) => h.day === day)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((h) => `${h.opens}–${h.closes}`);
    return intervals.length ? intervals.join(', ') : null;
  });
}

/** Multiplies a size in points by the sheet's scale (1 = the full-size layout). */
type Scale = (points: number) => number;

function emergencyLine(number: string, meaning: string, z: Scale): Content {
  return {
    columns: [
      { width: z(66), text: number, fontSize: z(32), bold: true, color: EMERGENCY },
      { width: '*', text: meaning, fontSize: z(13), margin: [0, z(10), 0, 0] },
    ],
    columnGap: z(6),
  };
}

function photoBlock(photo: Buffer | null, l: SheetLabels, z: Scale): Content {
  const [width, height] = [z(PHOTO_SIZE[0]), z(PHOTO_SIZE[1])];
  const isJpeg = photo !== null && photo.length > 3 && photo[0] === 0xff && photo[1] === 0xd8 && photo[2] === 0xff;
  if (isJpeg) return { image: `data:image/jpeg;base64,${photo.toString('base64')}`, fit: [width, height], alignment: 'center' };
  return {
    table: {
      widths: [width],
      heights: [height],
      body: [[{ text: l.noPhoto, alignment: 'center', color: '#888888', fillColor: '#eeeeee', fontSize: z(11), margin: [0, height / 2 - z(8), 0, 0] }]],
    },
    layout: { hLineColor: () => '#bbbbbb', vLineColor: () => '#bbbbbb' },
  };
}

function receptionBlock(reception: InfoSheetInput['reception'], l: SheetLabels, z: Scale): Content[] {
  const heading: Content = { text: l.reception, fontSize: z(16), bold: true, color: ACCENT, margin: [0, z(10), 0, z(4)] };
  if (!reception) return [heading, { text: l.noReception, fontSize: z(13) }];
  const blocks: Content[] = [heading, { text: [{ text: `${l.address}: `, color: MUTED }, reception.address], fontSize: z(13), margin: [0, 0, 0, z(4)] }];
  if (reception.allDay) {
    blocks.push({ text: [{ text: `${l.hours}: `, color: MUTED }, { text: l.allDay, bold: true }], fontSize: z(13) });
  } else {
    const rows = weekRows(reception.hours);
    const body: TableCell[][] = l.weekdays.map((day, i) => {
      const hours = rows[i] ?? null;
      return [{ text: day, bold: hours !== null }, hours === null ? { text: l.closed, color: '#888888' } : { text: hours, bold: true }];
    });
    blocks.push(
      { text: l.hours, fontSize: z(11), color: MUTED, margin: [0, z(2), 0, z(2)] },
      {
        table: { widths: [z(120), '*'], body },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#cccccc', paddingTop: () => z(1), paddingBottom: () => z(1) },
        fontSize: z(12),
      },
    );
  }
  if (reception.note) blocks.push({ text: reception.note, fontSize: z(10), italics: true, margin: [0, z(4), 0, 0] });
  return blocks;
}

/** The sheet at one scale; `onPageCount` learns how many pages the layout took. */
function sheetDefinition(input: InfoSheetInput, scale: number, onPageCount: (pages: number) => void): TDocumentDefinitions {
  const z: Scale = (points) => Math.round(points * scale * 10) / 10;
  const l = labels[input.lang];
  const { inspector, precinct } = input;

  const messengerLines: Content[] = inspector.messengers.map((m) => {
    const name = messengerNames[m.kind.toLowerCase()];
    return { text: name ? [{ text: `${name}: `, color: MUTED }, m.handle] : m.handle, fontSize: z(13) };
  });

  const identity: Content = {
    stack: [
      { text: inspector.name, fontSize: z(24), bold: true },
      { text: inspector.rank, fontSize: z(13), margin: [0, z(4), 0, 0] },
      { text: inspector.position, fontSize: z(13) },
      { text: l.phone, fontSize: z(11), color: MUTED, margin: [0, z(14), 0, 0] },
      { text: formatPhoneForPrint(inspector.phone), fontSize: z(34), bold: true, color: ACCENT },
      ...(messengerLines.length ? [{ text: l.messengers, fontSize: z(11), color: MUTED, margin: [0, z(8), 0, z(2)] } satisfies Content, ...messengerLines] : []),
    ],
  };

  const emergency: Content = {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [{ text: l.emergency, fontSize: z(12), bold: true, margin: [0, 0, 0, z(6)] }, emergencyLine('102', l.police, z), emergencyLine('112', l.rescue, z)],
            margin: [z(10), z(8), z(10), z(8)],
            fillColor: '#fff4f4',
          },
        ],
      ],
    },
    layout: { hLineColor: () => EMERGENCY, vLineColor: () => EMERGENCY },
  };

  // The QR code keeps its size at every scale: it must still scan from a step away.
  const qr: Content = {
    stack: [
      { qr: input.pageUrl, fit: 130, eccLevel: 'M', alignment: 'center' },
      { text: input.pageUrl, fontSize: 9, alignment: 'center', margin: [0, 4, 0, 0] },
      { text: l.qr, fontSize: 8, color: MUTED, alignment: 'center', margin: [0, 2, 0, 0] },
    ],
  };

  const content: Content[] = [];
  if (input.demo) {
    content.push({
      table: { widths: ['*'], body: [[{ text: l.demo, bold: true, fontSize: 14, color: '#ffffff', fillColor: EMERGENCY, alignment: 'center', margin: [0, 4, 0, 4] }]] },
      layout: 'noBorders',
      margin: [0, 0, 0, z(10)],
    });
  }
  content.push(
    { text: l.title, fontSize: z(26), bold: true, color: ACCENT, alignment: 'center' },
    { text: `${l.precinct} ${precinct.code} · ${precinct.name} · ${precinct.districtName}`, fontSize: z(12), color: MUTED, alignment: 'center', margin: [0, z(4), 0, z(14)] },
    { columns: [{ width: z(PHOTO_SIZE[0]), stack: [photoBlock(inspector.photoJpeg, l, z)] }, { width: '*', stack: [identity], margin: [z(18), 0, 0, 0] }], columnGap: 0 },
    { text: l.invitation, fontSize: z(12), margin: [0, z(10), 0, 0] },
    ...receptionBlock(input.reception, l, z),
    { columns: [{ width: '*', stack: [emergency] }, { width: 220, stack: [qr] }], columnGap: z(18), margin: [0, z(16), 0, 0] },
  );

  return {
    pageSize: 'A4',
    pageMargins: [36, 32, 36, 32],
    info: { title: `${l.title}: ${inspector.name}`, creator: 'openbeat' },
    defaultStyle: { fontSize: z(11) },
    content,
    // pdfmake calls the footer with the page count once the layout is done; the sheet has no footer.
    footer: (_page, pages) => {
      onPageCount(pages);
      return null;
    },
  };
}

/** Scales tried in turn until the sheet fits one page: long names, addresses and notes shrink the type. */
const SCALES = [1, 0.9, 0.8, 0.7, 0.6] as const;

/** The sheet as a one-page A4 PDF (the most compact layout if even that does not fit). */
export async function renderInfoSheet(input: InfoSheetInput): Promise<Buffer> {
  let pdf: Buffer | undefined;
  for (const scale of SCALES) {
    let pages = 0;
    pdf = await renderPdf(sheetDefinition(input, scale, (count) => (pages = Math.max(pages, count))));
    if (pages <= 1) return pdf;
  }
  return pdf!;
}
