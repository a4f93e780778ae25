import { useTranslation } from 'react-i18next';
import type { MessageStatus, TowStatus, TowSummary } from '../../api/towing.contract';
import { Badge, type BadgeTone } from '../../ui/Badge';

const STATUS_LOOK: Record<TowStatus, { tone: BadgeTone; icon: string }> = {
  towed: { tone: 'orange', icon: '➜' },
  at_lot: { tone: 'info', icon: 'P' },
  released: { tone: 'success', icon: '✓' },
  cancelled: { tone: 'muted', icon: '✕' },
};

export function TowStatusBadge({ status }: { status: TowStatus }) {
  const { t } = useTranslation();
  const look = STATUS_LOOK[status];
  return (
    <Badge tone={look.tone} icon={look.icon} testId="tow-status">
      {t(`towing.status.${status}`)}
    </Badge>
  );
}

/** Where the owner's SMS stands: a message status, or "no contact" when the registry had none. */
export type SmsState = MessageStatus | 'no_contact';

export function smsStateOf(tow: Pick<TowSummary, 'message' | 'ownerContact'>): SmsState | null {
  if (tow.message) return tow.message.status;
  return tow.ownerContact === 'none' ? 'no_contact' : null;
}

const SMS_LOOK: Record<SmsState, { tone: BadgeTone; icon: string }> = {
  queued: { tone: 'muted', icon: '…' },
  sending: { tone: 'info', icon: '↗' },
  sent: { tone: 'info', icon: '✓' },
  delivered: { tone: 'success', icon: '✓✓' },
  failed: { tone: 'danger', icon: '✕' },
  expired: { tone: 'danger', icon: '⚠' },
  no_contact: { tone: 'warning', icon: '☎' },
};

export function SmsBadge({ tow }: { tow: Pick<TowSummary, 'message' | 'ownerContact'> }) {
  const { t } = useTranslation();
  const state = smsStateOf(tow);
  if (!state) return <span className="muted">—</span>;
  const look = SMS_LOOK[state];
  return (
    <Badge tone={look.tone} icon={look.icon} testId="sms-status">
      {t(`towing.sms.${state}`)}
    </Badge>
  );
}

export function ToCallBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="danger" icon="☎" testId="to-call">
      {t('towing.toCall')}
    </Badge>
  );
}

export function SyntheticBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="warning" icon="⚠">
      {t('towing.demoBadge')}
    </Badge>
  );
}
