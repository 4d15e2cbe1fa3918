import type { UploadResult } from '../../../electron/shared';
import { HTTP_ROUTES } from '../../../electron/shared/httpRoutes';
import { authHeaders, errorFromResponse } from './httpApi';

/** Sends one dropped file to the server's inbox and answers where it was saved. */
export async function uploadFile(file: File, token: string | null): Promise<UploadResult> {
  const response = await fetch(`${HTTP_ROUTES.upload}?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...authHeaders(token), 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) throw await errorFromResponse(response);
  // The schema (and zod) load with the first upload, not with the page.
  const { UploadResultSchema } = await import('../../../electron/shared/transport');
  return UploadResultSchema.parse(await response.json());
}
