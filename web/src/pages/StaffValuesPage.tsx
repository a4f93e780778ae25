// Placeholder: the performance-staff feature fills this page.
export function StaffValuesPage() {
  return <h1>StaffValuesPage</h1>;
}
