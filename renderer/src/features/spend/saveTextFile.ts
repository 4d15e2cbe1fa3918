/** How long the download's object URL lives: long enough for the browser to start reading it. */
const URL_LIFETIME_MS = 60_000;

/**
 * Hands text to the browser as a file download. A Blob object URL needs no host support, so it works the same in
 * Electron (its download handling) and a browser tab talking to the headless server.
 */
export function saveTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download before it has read the blob; later frees it all the same.
  window.setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
}
