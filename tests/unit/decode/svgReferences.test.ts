import { describe, expect, it } from 'vitest';
import { findExternalReference } from '../../../electron/engine/decode/svgReferences';

const svg = (body: string, head = '') => `${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${body}</svg>`;

describe('findExternalReference', () => {
  it('accepts self-contained SVGs: fragments, data: URLs, links and namespaces', () => {
    expect(findExternalReference(svg('<rect id="r"/><use href="#r"/><use xlink:href=" #r"/>'))).toBeNull();
    expect(findExternalReference(svg('<image href="data:image/png;base64,AAAA"/>'))).toBeNull();
    expect(findExternalReference(svg('<rect style="fill: url(#grad)"/><rect fill="url(\'#g\')"/>'))).toBeNull();
    expect(findExternalReference(svg('<a href="https://example.com/"><text>link</text></a>'))).toBeNull();
    expect(findExternalReference(svg('<rect data-src="x.png"/>'))).toBeNull();
  });

  it('finds every kind of outside reference', () => {
    expect(findExternalReference(svg('<image href="file:///etc/passwd"/>'))).toContain('file:///etc/passwd');
    expect(findExternalReference(svg("<image xlink:href='photo.jpg'/>"))).toContain('photo.jpg');
    expect(findExternalReference(svg('<use href="other.svg#a"/>'))).toContain('other.svg#a');
    expect(findExternalReference(svg('<feImage href="http://127.0.0.1/x"/>'))).toContain('http://127.0.0.1/x');
    expect(findExternalReference(svg('<rect style="fill:url(http://x/p.svg#g)"/>'))).toContain('http://x/p.svg#g');
    expect(findExternalReference(svg('<style>@import "x.css";</style>'))).toBe('a CSS @import');
    expect(findExternalReference(svg('<text>&x;</text>', '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'))).toBe('an external XML entity');
    expect(findExternalReference(svg('<xi:include href="#x" xmlns:xi="http://www.w3.org/2001/XInclude"/>'))).toBe('an XInclude');
  });
});
