// Status notices to the resident's contact: queued in the message outbox (platform/notify) in the
// transaction of the change, sent by the message sender, never inside a request.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../platform/db/db.js';
import { enqueueMessage } from '../platform/notify/outbox.js';
import type { AppealStatus } from './appeals.domain.js';
import type { appeals } from './appeals.tables.js';

type Lang = 'ru' | 'kk' | 'en';
type AppealRow = typeof appeals.$inferSelect;

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

let publicUrl = 'http://localhost:8080';

/** The site's public address, for the link in each notice (set once when the app is built). */
export function configureAppealNotices(options: { publicUrl: string }): void {
  publicUrl = options.publicUrl.replace(/\/$/, '');
}

/** The short text of a status notice (fits two SMS parts in Cyrillic). */
export function noticeText(code: string, status: AppealStatus | 'removed', lang: Lang, link: string): string {
  return `${lead[lang]} ${code}: ${statusText[status][lang]}. ${link}`;
}

/** Queues a notice of the appeal's new state to each contact the resident left (SMS and/or e-mail). */
export async function queueStatusNotice(tx: Tx, appeal: AppealRow, event: string): Promise<void> {
  if (!appeal.contactPhone && !appeal.contactEmail) return;
  const lang: Lang = appeal.contactLang === 'kk' || appeal.contactLang === 'en' ? appeal.contactLang : 'ru';
  const status = (event === 'removed' ? 'removed' : event === 'received' ? appeal.status : event) as AppealStatus | 'removed';
  const text = noticeText(appeal.code, statusText[status] ? status : appeal.status, lang, `${publicUrl}/appeals/${appeal.code}`);
  // One key per notice, made once: the notice exists exactly when the change does, and is sent once.
  const key = `appeal:${appeal.id}:${event}:${randomUUID()}`;
  if (appeal.contactPhone) await enqueueMessage(tx, { channel: 'sms', recipient: appeal.contactPhone, text, purpose: 'appeal.status', refId: appeal.id, idempotencyKey: `${key}:sms` });
  if (appeal.contactEmail) await enqueueMessage(tx, { channel: 'email', recipient: appeal.contactEmail, subject: `openbeat ${appeal.code}`, text, purpose: 'appeal.status', refId: appeal.id, idempotencyKey: `${key}:email` });
}
