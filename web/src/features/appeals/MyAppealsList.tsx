import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { EmptyState } from '../../ui/EmptyState';
import { appealPaths, appealsApi } from './appeals.api';
import { forgetMyAppeal, useMyAppeals, type MyAppeal } from './myAppeals';
import { StatusBadge } from './StatusBadge';
import { useAppealLabels } from './useAppealLabels';

/** The status is read from the server; the code and key live only in this browser. */
function MyAppealRow({ entry }: { entry: MyAppeal }) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const labels = useAppealLabels();
  const appeal = useQuery((signal) => appealsApi.get(entry.code, signal), [entry.code]);
  const category = appeal.data?.category.name ?? entry.category?.name;
  return (
    <li className="my-appeal" data-code={entry.code} data-testid="my-appeal">
      <p className="my-appeal-head">
        <Link to={appealPaths.track(entry.code)} className="appeal-code">
          {entry.code}
        </Link>
        {category ? <span> · {labels.localized(category)}</span> : null}
      </p>
      <p className="small muted">
        {t('appeals.mine.saved', { date: formatDate(entry.savedAt) })}
        {appeal.data?.overdue ? ` · ${t('appeals.track.overdue')}` : ''}
      </p>
      <div className="button-row">
        {appeal.data ? <StatusBadge status={appeal.data.status} /> : appeal.error ? <span className="small muted">{t('appeals.mine.unavailable')}</span> : null}
        <button
          type="button"
          className="button-link small"
          onClick={() => {
            if (window.confirm(t('appeals.mine.forgetConfirm', { code: entry.code }))) forgetMyAppeal(entry.code);
          }}
          aria-label={t('appeals.mine.forgetLabel', { code: entry.code })}
        >
          {t('appeals.mine.forget')}
        </button>
      </div>
    </li>
  );
}

/** The latest few first: each row reads its status from the server. */
const FIRST_SHOWN = 5;

export function MyAppealsList() {
  const { t } = useTranslation();
  const { mine } = useMyAppeals();
  const [all, setAll] = useState(false);
  if (mine.length === 0) return <EmptyState>{t('appeals.mine.empty')}</EmptyState>;
  const shown = all ? mine : mine.slice(0, FIRST_SHOWN);
  return (
    <>
      <p className="muted small">{t('appeals.mine.lead')}</p>
      <ul className="my-appeals plain-list" data-testid="my-appeals">
        {shown.map((entry) => (
          <MyAppealRow key={entry.code} entry={entry} />
        ))}
      </ul>
      {mine.length > shown.length ? (
        <button type="button" className="button button-secondary button-small" onClick={() => setAll(true)}>
          {t('appeals.mine.showAll', { count: mine.length })}
        </button>
      ) : null}
    </>
  );
}
