/** Each file's content hash, computed once per File the page holds (a re-quote of staged files does not read them again). */
const hashes = new WeakMap<File, Promise<string | null>>();

/**
 * The sha256 of a file's bytes in lowercase hex, as the engine hashes a source (the job dedupe key's content half),
 * or null when the browser cannot read it. Lets the page quote files the engine has not been given yet.
 */
export function fileContentHash(file: File): Promise<string | null> {
  let hash = hashes.get(file);
  if (!hash) {
    hash = file.arrayBuffer().then(
      async (bytes) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((byte) => byte.toString(16).padStart(2, '0')).join(''),
      () => null,
    );
    hashes.set(file, hash);
  }
  return hash;
}
