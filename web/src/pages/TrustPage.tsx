// Placeholder: the scorecards feature fills this page.
export function TrustPage() {
  return <h1>TrustPage</h1>;
}
