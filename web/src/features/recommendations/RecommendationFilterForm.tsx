import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RECOMMENDATION_STATUSES, type RecommendationListResponse } from '../../api/types';
import { Select, TextInput } from '../../ui/fields';
import { useRecommendationFilters } from './useRecommendationFilters';
import { useTopicLabel } from './useTopicLabel';

export interface RecommendationFilterFormProps {
  facets: RecommendationListResponse['facets'] | undefined;
}

const SEARCH_DELAY_MS = 400;

export function RecommendationFilterForm({ facets }: RecommendationFilterFormProps) {
  const { t } = useTranslation();
  const { filters, setFilter, clear, active } = useRecommendationFilters();
  const topicLabel = useTopicLabel();
  const [query, setQuery] = useState(filters.q ?? '');

  // Keep the box in step with the URL (back button, "reset").
  useEffect(() => {
    const fromUrl = filters.q ?? '';
    setQuery((current) => (current.trim() === fromUrl ? current : fromUrl));
  }, [filters.q]);

  // Search as the user types, without a history entry per keystroke.
  useEffect(() => {
    if (query.trim() === (filters.q ?? '')) return;
    const timer = window.setTimeout(() => setFilter('q', query.trim(), { replace: true }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query, filters.q, setFilter]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', query.trim(), { replace: true });
  };

  // Keep a selected value even if the facets do not list it (e.g. from a shared link).
  const withSelected = (values: string[] | undefined, selected: string | undefined) => {
    const list = values ?? [];
    return selected && !list.includes(selected) ? [selected, ...list] : list;
  };

  return (
    <form className="filters" role="search" aria-label={t('filters.label')} onSubmit={handleSubmit}>
      <TextInput
        id="filter-q"
        type="search"
        label={t('filters.q')}
        placeholder={t('filters.qPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="filters-search"
      />
      <Select id="filter-status" label={t('filters.status')} value={filters.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
        <option value="">{t('filters.any')}</option>
        {RECOMMENDATION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </Select>
      <Select
        id="filter-addressee"
        label={t('filters.addressee')}
        value={filters.addressee ?? ''}
        onChange={(e) => setFilter('addressee', e.target.value)}
      >
        <option value="">{t('filters.any')}</option>
        {withSelected(facets?.addressees, filters.addressee).map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </Select>
      <Select id="filter-topic" label={t('filters.topic')} value={filters.topic ?? ''} onChange={(e) => setFilter('topic', e.target.value)}>
        <option value="">{t('filters.any')}</option>
        {withSelected(facets?.topics, filters.topic).map((value) => (
          <option key={value} value={value}>
            {topicLabel(value)}
          </option>
        ))}
      </Select>
      <div className="filters-actions">
        <button type="submit" className="button button-secondary">
          {t('filters.apply')}
        </button>
        {active ? (
          <button type="button" className="button button-link" onClick={clear}>
            {t('filters.reset')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
