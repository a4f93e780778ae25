// Placeholder: the scorecards feature fills this page.
export function IndicatorPage() {
  return <h1>IndicatorPage</h1>;
}
