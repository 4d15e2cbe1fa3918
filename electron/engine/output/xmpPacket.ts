import type { RightsMetadata } from './rightsMetadata';

/**
 * An XMP packet with the IPTC Core rights fields and, when given, the IPTC digital source type; undefined when
 * there is nothing to say. Values are XML-escaped: they come from untrusted files.
 */
export function xmpPacket(rights: RightsMetadata, digitalSourceType?: string): string | undefined {
  const lines: string[] = [];
  if (rights.creator) lines.push(`<dc:creator><rdf:Seq><rdf:li>${escapeXml(rights.creator)}</rdf:li></rdf:Seq></dc:creator>`);
  if (rights.copyright) lines.push(`<dc:rights>${langAlt(rights.copyright)}</dc:rights>`);
  if (rights.credit) lines.push(`<photoshop:Credit>${escapeXml(rights.credit)}</photoshop:Credit>`);
  if (rights.usageTerms) lines.push(`<xmpRights:UsageTerms>${langAlt(rights.usageTerms)}</xmpRights:UsageTerms>`);
  if (digitalSourceType) lines.push(`<Iptc4xmpExt:DigitalSourceType>${escapeXml(digitalSourceType)}</Iptc4xmpExt:DigitalSourceType>`);
  if (lines.length === 0) return undefined;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"',
    ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">',
    ...lines,
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

function langAlt(value: string): string {
  return `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
}

function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters outright
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
