// Placeholder: the scorecards feature fills this page.
export function ProgrammeScorecardPage() {
  return <h1>ProgrammeScorecardPage</h1>;
}
