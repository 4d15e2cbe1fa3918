/**
 * The app page's Content-Security-Policy. The page talks to the host over IPC only, so it may load nothing but its
 * own files and show images given as data:/blob: URLs (thumbnails). The dev server needs inline styles (Vite injects
 * them) and its HMR socket, so development is a little looser; a packaged app never gets that variant.
 */
export function contentSecurityPolicy(mode: 'production' | 'development'): string {
  const dev = mode === 'development';
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': dev ? "'self' 'unsafe-inline'" : "'self'",
    'img-src': "'self' data: blob:",
    'font-src': "'self' data:",
    'connect-src': dev ? "'self' ws: http://localhost:* http://127.0.0.1:*" : "'self'",
    'worker-src': "'self'",
    'media-src': "'none'",
    'object-src': "'none'",
    'frame-src': "'none'",
    'child-src': "'none'",
    'frame-ancestors': "'none'",
    'form-action': "'none'",
    'base-uri': "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
