// Placeholder: the performance-staff feature fills this page.
export function StaffIndicatorsPage() {
  return <h1>StaffIndicatorsPage</h1>;
}
