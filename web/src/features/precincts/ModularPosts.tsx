import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceptionPoint } from '../../api/precincts.contract';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { LoadingState } from '../../ui/LoadingState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { DemoMark } from './DemoMark';
import { precinctsApi } from './precincts.api';
import { distanceMetres, formatPhone, telHref } from './precincts.format';
import { ReceptionSummary } from './ReceptionSummary';
import { usePrecinctFormat } from './usePrecinctFormat';

const NEAREST = 3;

/** One post in a list: the summary, its phone and, when the resident's point is known, how far. */
function PostItem({ post, metres }: { post: ReceptionPoint; metres: number | null }) {
  const { t } = useTranslation();
  const format = usePrecinctFormat();
  return (
    <li className="post-item" data-testid="modular-post">
      <ReceptionSummary point={post} />
      <p className="small">
        {metres !== null ? <span className="post-distance">{t('precincts.posts.distance', { distance: format.distance(metres) })} </span> : null}
        {post.phone ? (
          <a href={telHref(post.phone)}>
            <span className="visually-hidden">{t('precincts.card.callPoint')} </span>
            {formatPhone(post.phone)}
          </a>
        ) : null}
      </p>
    </li>
  );
}

/** The 37 modular posts open around the clock: the nearest first when a point is known, then all by district. */
export function ModularPosts({ near }: { near: { lat: number; lon: number } | null }) {
  const { t } = useTranslation();
  const { localized, locale } = useLocale();
  const posts = useQuery(() => precinctsApi.receptionPoints('modular_post'), []);
  const districts = useQuery(() => precinctsApi.districtOutlines(), []);
  const districtName = (id: string) => localized(districts.data?.features.find((f) => f.properties.id === id)?.properties.name) || id;
  const items = posts.data?.items;

  const nearest = useMemo(() => {
    if (!items || !near) return [];
    return items
      .map((post) => ({ post, metres: distanceMetres(near, post) }))
      .sort((a, b) => a.metres - b.metres)
      .slice(0, NEAREST);
  }, [items, near]);

  const byDistrict = useMemo(() => {
    const groups = new Map<string, ReceptionPoint[]>();
    for (const post of items ?? []) {
      const key = post.districtId ?? '';
      groups.set(key, [...(groups.get(key) ?? []), post]);
    }
    // Districts by name; posts without a district last.
    return [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, locale)));
  }, [items, locale]);

  if (posts.loading && !posts.data) return <LoadingState />;
  if (posts.error) return <ProblemAlert error={posts.error} onRetry={posts.reload} />;
  if (!items) return null;
  if (items.length === 0) return <p className="state state-empty">{t('precincts.posts.none')}</p>;

  return (
    <div className="stack">
      {items.some((p) => p.synthetic) ? <DemoMark>{t('precincts.demo.posts')}</DemoMark> : null}
      {nearest.length ? (
        <>
          <h3 className="h3">{t('precincts.posts.nearest')}</h3>
          <ul className="post-list" data-testid="nearest-posts">
            {nearest.map(({ post, metres }) => (
              <PostItem key={post.id} post={post} metres={metres} />
            ))}
          </ul>
        </>
      ) : null}
      <details className="disclosure" data-testid="all-posts">
        <summary>{t('precincts.posts.all', { n: items.length })}</summary>
        {byDistrict.map(([districtId, group]) => (
          <div key={districtId || 'none'} className="post-group">
            <h3 className="h3">{districtId ? districtName(districtId) : t('precincts.posts.noDistrict')}</h3>
            <ul className="post-list">
              {group.map((post) => (
                <PostItem key={post.id} post={post} metres={near ? distanceMetres(near, post) : null} />
              ))}
            </ul>
          </div>
        ))}
      </details>
    </div>
  );
}
