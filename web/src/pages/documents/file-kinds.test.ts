import { describe, expect, it } from 'vitest';
import { fileKind } from './file-kinds.js';

describe('file kinds', () => {
  it('names the kinds of the formats Deedbox accepts from their detected type', () => {
    expect(fileKind('application/pdf')).toBe('pdf');
    expect(fileKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('word');
    expect(fileKind('application/vnd.oasis.opendocument.text')).toBe('word');
    expect(fileKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('spreadsheet');
    expect(fileKind('text/csv')).toBe('spreadsheet');
    expect(fileKind('application/vnd.ms-powerpoint')).toBe('presentation');
    expect(fileKind('image/jpeg')).toBe('image');
    expect(fileKind('message/rfc822')).toBe('mail');
    expect(fileKind('application/zip')).toBe('archive');
    expect(fileKind('text/plain')).toBe('text');
    expect(fileKind('application/octet-stream')).toBe('other');
  });
});
