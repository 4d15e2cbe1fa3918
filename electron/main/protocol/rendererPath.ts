import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Where a URL path leads inside the renderer folder: a real file, or the HTTP status and reason it is refused. */
export type RendererFileLookup =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

type Refusal = Extract<RendererFileLookup, { ok: false }>;

// Encoded separators and NUL are never part of a real asset name; decoding them would turn one segment into several.
const ENCODED_SEPARATOR_OR_NUL = /%(2f|5c|00)/i;

/**
 * The path segments a URL path names below the renderer root, checked without touching the disk: decoded once,
 * no encoded `/`, `\` or NUL, no backslash, no `.` or `..` segment, no empty segment, no `:` (a Windows drive or
 * alternate data stream). `/` names index.html.
 */
export function rendererPathSegments(urlPath: string): { readonly ok: true; readonly segments: string[] } | Refusal {
  if (ENCODED_SEPARATOR_OR_NUL.test(urlPath)) return refuse(400, 'encoded separator or NUL');
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return refuse(400, 'NUL or backslash');
  const inner = decoded.replace(/^\//, '');
  if (inner === '') return { ok: true, segments: ['index.html'] };
  const segments = inner.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return refuse(403, 'dot segment');
  if (segments.some((segment) => segment === '' || segment.includes(':'))) return refuse(400, 'empty segment or colon');
  return { ok: true, segments };
}

/**
 * Resolves a URL path to a regular file inside `root`, following symlinks first: a link (or a linked folder) that
 * points outside the root is refused like `..`, so nothing but the built renderer can ever be served.
 */
export async function resolveRendererFile(root: string, urlPath: string): Promise<RendererFileLookup> {
  const checked = rendererPathSegments(urlPath);
  if (!checked.ok) return checked;
  // fs.promises is looked up at call time: Electron patches these functions so they read inside app.asar.
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await fs.realpath(root);
    realFile = await fs.realpath(join(realRoot, ...checked.segments));
  } catch {
    return refuse(404, 'no such file');
  }
  const inside = relative(realRoot, realFile);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return refuse(403, 'outside the renderer folder');
  const info = await fs.stat(realFile).catch(() => undefined);
  if (!info?.isFile()) return refuse(404, 'not a file');
  return { ok: true, path: realFile };
}

function refuse(status: Refusal['status'], reason: string): Refusal {
  return { ok: false, status, reason };
}
