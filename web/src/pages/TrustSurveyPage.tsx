// Placeholder: the scorecards feature fills this page.
export function TrustSurveyPage() {
  return <h1>TrustSurveyPage</h1>;
}
