import { describe, expect, it } from 'vitest';
import { checkXmlElements, countXmlElements } from './xml-scan';

describe('XML element pre-scan', () => {
  it('counts start tags, not end tags, comments, declarations or text', () => {
    const xml = '<?xml version="1.0"?><!-- <x> --><kml><Placemark><name>a &lt; b</name><a/></Placemark></kml>';
    expect(countXmlElements(xml)).toBe(5); // kml, Placemark, name, a … and the <x> inside the comment
    expect(countXmlElements(new TextEncoder().encode(xml))).toBe(5);
    expect(countXmlElements('<中文/><_a/>')).toBe(2);
  });
  it('stops past the limit and refuses with 413 naming the part', () => {
    const big = '<kml>' + '<a/>'.repeat(1_000_000) + '</kml>';
    expect(countXmlElements(big, 10)).toBe(11);
    expect(() => checkXmlElements(big, 1000, 'doc.kml')).toThrow(expect.objectContaining({ status: 413, code: 'XML_TOO_MANY_ELEMENTS' }));
    expect(() => checkXmlElements('<kml/>', 1000, 'doc.kml')).not.toThrow();
  });
});
