export function AgreementList() {
  return <h1>Acuerdos</h1>;
}
