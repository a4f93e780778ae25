import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AnswerSurveyButton } from '../features/scorecards/AnswerSurveyButton';
import { TrustSurveyForm } from '../features/scorecards/TrustSurveyForm';
import { usePageTitle } from '../ui/usePageTitle';

export function TrustSurveyPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  usePageTitle(t('scorecards.survey.title'));
  return (
    <div className="page narrow survey" data-testid="survey-page">
      <p className="breadcrumbs">
        <Link to="/trust">← {t('scorecards.trust.title')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('scorecards.survey.title')}</h1>
        <p className="lead">{t('scorecards.survey.lead')}</p>
      </header>
      {token ? (
        <TrustSurveyForm key={token} token={token} />
      ) : (
        <div className="card">
          <p>{t('scorecards.survey.noToken')}</p>
          <AnswerSurveyButton />
        </div>
      )}
    </div>
  );
}
