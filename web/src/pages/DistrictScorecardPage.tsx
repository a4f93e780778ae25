// Placeholder: the scorecards feature fills this page.
export function DistrictScorecardPage() {
  return <h1>DistrictScorecardPage</h1>;
}
