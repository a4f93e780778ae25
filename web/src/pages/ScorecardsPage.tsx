// Placeholder: the scorecards feature fills this page.
export function ScorecardsPage() {
  return <h1>ScorecardsPage</h1>;
}
