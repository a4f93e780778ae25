import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/useQuery';
import { towingApi } from '../features/towing/towing.api';
import { addDays, cityToday } from '../features/towing/towing.dates';
import { FIGURE_DAYS, TowFigures } from '../features/towing/TowFigures';
import { DemoNotice } from '../ui/DemoNotice';
import { QueryBlock } from '../ui/QueryBlock';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

/** п.24 for the analysts and the council: the tow service's daily figures, without the tows themselves. */
export function StaffTowFiguresPage() {
  const { t } = useTranslation();
  const today = cityToday();
  const from = addDays(today, -(FIGURE_DAYS - 1));
  const figures = useQuery((signal) => towingApi.figures(from, today, signal), [from, today]);
  const lots = useQuery(() => towingApi.lots(), []);
  const demo = lots.data?.some((l) => l.synthetic && l.active) ?? false;
  usePageTitle(t('towing.figuresPage.title'));
  return (
    <div className="page tow-figures-page">
      <StaffPageHeader title={t('towing.figuresPage.title')} lead={t('towing.figuresPage.lead')} />
      {demo ? <DemoNotice>{t('towing.figuresPage.demo')}</DemoNotice> : null}
      <section className="section" aria-labelledby="figures-title">
        <h2 id="figures-title">{t('towing.figures.title', { days: FIGURE_DAYS })}</h2>
        <QueryBlock query={figures}>{(days) => <TowFigures from={from} to={today} days={days} />}</QueryBlock>
      </section>
    </div>
  );
}
