export function ReviewQueue() {
  return <h1>Revisión de evidencias</h1>;
}
