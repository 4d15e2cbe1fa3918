/** "Approved 9 jobs; 3 still previewing go on to fal when their previews are made." */
export function approvalSummary(approved: number, ahead: number, refused: number): string {
  const parts = [
    approved > 0 && `Approved ${approved} job${approved === 1 ? '' : 's'}`,
    ahead > 0 && `${ahead} still previewing go${ahead === 1 ? 'es' : ''} on to fal when ${ahead === 1 ? 'its previews are' : 'their previews are'} made`,
    refused > 0 && `${refused} could not be approved`,
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join('; ')}.` : 'Nothing was waiting for approval.';
}
