// Placeholder: the performance-staff feature fills this page.
export function StaffProgrammePage() {
  return <h1>StaffProgrammePage</h1>;
}
