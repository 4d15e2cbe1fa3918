/** Extensions the app takes as source images (decoded by sharp, or by the WASM HEIC decoder), with the dot. */
export const SOURCE_IMAGE_EXTENSIONS: readonly string[] = ['.jpg', '.jpeg', '.jpe', '.png', '.webp', '.avif', '.tif', '.tiff', '.gif', '.svg', '.heic', '.heif'];

/** The supported formats as every refusal names them, so no message lists a format the app would refuse. */
export const SUPPORTED_IMAGE_FORMATS_TEXT = 'JPEG, PNG, WebP, GIF, TIFF, AVIF, HEIC or SVG';

/** The extension of a file name, lower-cased with its dot (`"Photo.JPG"` -> `".jpg"`), or `""` when it has none. */
function fileExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Why a file named so cannot be a source image, or null when it may be one. A name without an extension is let
 * through (a folder in the desktop app, or an image whose bytes are checked on arrival); any other extension than
 * an image's is refused before anything is sent.
 */
export function sourceNameRefusal(fileName: string): string | null {
  const extension = fileExtension(fileName);
  if (extension === '' || SOURCE_IMAGE_EXTENSIONS.includes(extension)) return null;
  return `${extension.slice(1).toUpperCase()} files are not images the app can resize (it takes ${SUPPORTED_IMAGE_FORMATS_TEXT}).`;
}

/**
 * True when text starts like an SVG document as editors export it: an optional XML declaration, comments and an
 * SVG doctype before the `<svg` element. (A generic XML sniffer calls such files "XML", which is not a refusal.)
 */
export function looksLikeSvgText(head: string): boolean {
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head.replace(/^\uFEFF/, '').trimStart());
}
