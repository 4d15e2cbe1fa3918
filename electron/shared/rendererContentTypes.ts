// What electron-vite puts in out/renderer (hashed JS, CSS, fonts and images) and nothing more: any other file is
// sent as opaque bytes, which, with `nosniff`, the page can neither run nor style with.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * The Content-Type for a renderer file, by extension; `application/octet-stream` for anything unknown. Shared by the
 * desktop app's `app://` protocol and the headless server, so both serve the built UI the same way.
 */
export function rendererContentType(path: string): string {
  return CONTENT_TYPES[extensionOf(path)] ?? 'application/octet-stream';
}

// Without node:path so the module also typechecks with the renderer's (browser) settings.
function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  const separator = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return dot > separator ? path.slice(dot).toLowerCase() : '';
}
