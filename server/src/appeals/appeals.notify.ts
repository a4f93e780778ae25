// Status notices to the resident's contact, sent by the job worker (never inside a request).
import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/db.js';
import type { JobHandler } from '../platform/jobs/jobs.service.js';
import type { NotificationProvider } from '../platform/notify/notify.js';
import type { AppealStatus } from './appeals.domain.js';
import { appeals } from './appeals.tables.js';

type Lang = 'ru' | 'kk' | 'en';

const statusText: Record<AppealStatus | 'removed', Record<Lang, string>> = {
  received: { ru: 'принято', kk: 'қабылданды', en: 'received' },
  routed: { ru: 'передано исполнителю', kk: 'орындаушыға жіберілді', en: 'sent to the responsible unit' },
  in_progress: { ru: 'в работе', kk: 'жұмыста', en: 'in progress' },
  answered: { ru: 'дан ответ', kk: 'жауап берілді', en: 'answered' },
  closed: { ru: 'закрыто', kk: 'жабылды', en: 'closed' },
  declined: { ru: 'отклонено', kk: 'қабылданбады', en: 'declined' },
  not_competent: { ru: 'направлено по компетенции', kk: 'құзыреті бойынша жіберілді', en: 'referred to the competent body' },
  duplicate: { ru: 'объединено с другим обращением', kk: 'басқа өтінішпен біріктірілді', en: 'merged with another appeal' },
  removed: { ru: 'реклама удалена', kk: 'жарнама жойылды', en: 'the advert was removed' },
};

const lead: Record<Lang, string> = { ru: 'Обращение', kk: 'Өтініш', en: 'Appeal' };

/** The short text of a status notice (fits two SMS parts in Cyrillic). */
export function noticeText(code: string, status: AppealStatus | 'removed', lang: Lang, link: string): string {
  return `${lead[lang]} ${code}: ${statusText[status][lang]}. ${link}`;
}

/** `appeal.notify`: reads the contact when it runs (the job itself carries no personal data). */
export function appealNotifyHandler(db: Db, provider: NotificationProvider, publicUrl: string): JobHandler {
  return async (payload, job) => {
    const { appealId, event } = payload as { appealId: string; event: string; status: AppealStatus };
    const [row] = await db.select().from(appeals).where(eq(appeals.id, appealId));
    if (!row) return { detail: 'appeal no longer exists; nothing sent' };
    const lang: Lang = row.contactLang === 'kk' || row.contactLang === 'en' ? row.contactLang : 'ru';
    const status = (event === 'removed' ? 'removed' : event === 'received' ? row.status : event) as AppealStatus | 'removed';
    const text = noticeText(row.code, statusText[status] ? status : row.status, lang, `${publicUrl.replace(/\/$/, '')}/appeals/${row.code}`);
    const sent: string[] = [];
    if (row.contactPhone) {
      const answer = await provider.send({ channel: 'sms', to: row.contactPhone, text, idempotencyKey: `job-${job.id}-sms` });
      sent.push(`sms ${answer.providerId}: ${answer.detail}`);
    }
    if (row.contactEmail) {
      const answer = await provider.send({ channel: 'email', to: row.contactEmail, subject: `openbeat ${row.code}`, text, idempotencyKey: `job-${job.id}-email` });
      sent.push(`email ${answer.providerId}: ${answer.detail}`);
    }
    return { detail: sent.join('; ') || 'no contact; nothing sent' };
  };
}

/** `notify.direct`: a one-off message whose recipient is in the payload (support confirmation codes). */
export function directNotifyHandler(provider: NotificationProvider): JobHandler {
  return async (payload, job) => {
    const m = payload as { channel: 'sms' | 'email'; to: string; text: string; subject?: string };
    const answer = await provider.send({ channel: m.channel, to: m.to, text: m.text, ...(m.subject ? { subject: m.subject } : {}), idempotencyKey: `job-${job.id}` });
    return { detail: `${answer.providerId}: ${answer.detail}` };
  };
}
