export function AgreementPage() {
  return <h1>Acuerdo</h1>;
}
