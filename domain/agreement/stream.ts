// The event stream that holds one agreement's history.
export function agreementStreamId(agreementId: string): string {
  return `agreement-${agreementId}`;
}
