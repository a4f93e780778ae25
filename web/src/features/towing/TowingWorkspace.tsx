import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../api/types';
import { useQuery } from '../../api/useQuery';
import { LinkCard } from '../../ui/LinkCard';
import { LinkCardsPanel } from '../../ui/LinkCardsPanel';
import { hasRole } from '../auth/roles';
import { TOW_ADMINS, TOW_FIGURE_READERS, TOW_FOLLOWERS, TOW_OPERATORS, towingApi, towingPaths } from './towing.api';

/** Whether the staff home shows the tow service to this user. */
export const seesTowing = (user: SessionUser) => hasRole(user, TOW_FIGURE_READERS);

/**
 * The staff home's way into the tow service (п.24): today's tows with the owners still to call for those
 * who follow tows, the form for operators, the figures for analysts and the council, the SMS texts for admins.
 */
export function TowingWorkspace({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const follower = hasRole(user, TOW_FOLLOWERS);
  // Counts only: a failure leaves the card's plain text, the workspace shows the problem.
  const today = useQuery((signal) => (follower ? Promise.all([towingApi.tows('', signal), towingApi.callList(signal)]) : Promise.resolve(undefined)), [follower]);
  const counts = today.data ? { tows: today.data[0].items.length, toCall: today.data[1].length } : null;
  return (
    <LinkCardsPanel titleId="towing-workspace-title" title={t('towing.home.title')} testId="towing-workspace">
      {follower ? (
        <LinkCard to={towingPaths.workspace} title={t('towing.home.today')} icon="➜">
          {counts ? t('towing.home.counts', { tows: counts.tows, toCall: counts.toCall }) : t('towing.home.todayText')}
        </LinkCard>
      ) : null}
      {hasRole(user, TOW_OPERATORS) ? (
        <LinkCard to={towingPaths.new} title={t('towing.home.new')} icon="✚">
          {t('towing.home.newText')}
        </LinkCard>
      ) : null}
      {!follower ? (
        <LinkCard to={towingPaths.figures} title={t('towing.home.figures')} icon="◔">
          {t('towing.home.figuresText')}
        </LinkCard>
      ) : null}
      {hasRole(user, TOW_ADMINS) ? (
        <LinkCard to={towingPaths.settings} title={t('towing.home.settings')} icon="✉">
          {t('towing.home.settingsText')}
        </LinkCard>
      ) : null}
    </LinkCardsPanel>
  );
}
