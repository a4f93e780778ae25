// Placeholder: the scorecards feature fills this page.
export function OfficialScorecardPage() {
  return <h1>OfficialScorecardPage</h1>;
}
