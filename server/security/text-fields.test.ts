import { describe, expect, it } from 'vitest';
import { type JsonSchema, textFieldsOf, withPayloads } from './text-fields.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', maxLength: 300 },
    status: { type: 'string', enum: ['draft', 'active'] },
    partnerId: { type: 'string', format: 'uuid' },
    email: { type: 'string', maxLength: 254 },
    amount: { type: 'string', pattern: '^\\d+$' },
    tags: { type: 'array', items: { type: 'string', maxLength: 60 } },
    address: {
      anyOf: [
        { type: 'object', properties: { city: { type: 'string', maxLength: 120 }, country: { type: 'string' } } },
      ],
    },
    contacts: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string' } } },
    },
    lifecycle: { type: 'object', properties: { noticePeriod: { type: 'string', maxLength: 20 } } },
    custom: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 } },
  },
};

describe('text fields of a request body', () => {
  it('finds free text only: no enums, ids, dates, patterns, addresses or parsed values', () => {
    expect(textFieldsOf(schema)).toEqual([
      { path: 'title', maxLength: 300 },
      { path: 'tags[]', maxLength: 60 },
      { path: 'address.city', maxLength: 120 },
      { path: 'contacts[].name', maxLength: 2000 },
      { path: 'custom.*', maxLength: 500 },
    ]);
  });

  it('fills every one into a base body, making the objects and list items it needs', () => {
    const body = withPayloads(schema, { status: 'active', contacts: [{ email: 'a@b.example' }] }, (f) => `<${f.path}>`);
    expect(body).toEqual({
      status: 'active',
      title: '<title>',
      tags: ['<tags[]>'],
      address: { city: '<address.city>' },
      contacts: [{ email: 'a@b.example', name: '<contacts[].name>' }],
    });
  });
});
