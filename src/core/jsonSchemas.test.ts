import { describe, expect, test } from 'vitest';
import { payloadJsonSchema } from './jsonSchemas';
import { points } from './points';

describe('payloadJsonSchema', () => {
  test.each(points.map((p) => p.id))('%s: a draft-7 schema of a loose object', (id) => {
    const schema = payloadJsonSchema(id);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toEqual({});
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  test('documents fields and required keys like the platform checks them', () => {
    const pre = payloadJsonSchema('pre-user-registration') as {
      required: string[];
      properties: { context: { required: string[]; description: string } };
    };
    expect(pre.required).toEqual(['user', 'context']);
    expect(pre.properties.context.required).toEqual(['connection']);
    expect(pre.properties.context.description).toMatch(/connection/);

    const spm = payloadJsonSchema('send-phone-message') as {
      properties: { context: { properties: { message_type: unknown } } };
    };
    expect(spm.properties.context.properties.message_type).toEqual({
      type: 'string',
      enum: ['sms', 'voice'],
      description: '"sms" or "voice"',
    });
    const cce = payloadJsonSchema('credentials-exchange') as { required: string[] };
    expect(cce.required).toEqual(['client', 'audience']);
  });
});
