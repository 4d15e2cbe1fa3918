import type { Profile, ProfileDraft } from '../../../../electron/shared';

/** The editable part of a saved profile. */
export function toDraft(profile: Profile): ProfileDraft {
  const { name, sizes, output, naming, fal } = profile;
  return structuredClone({ name, sizes, output, naming, fal });
}

/** Saves text as a file through the browser's download (also Electron's save dialog). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
