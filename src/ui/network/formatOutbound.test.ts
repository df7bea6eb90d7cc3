import { describe, expect, it } from 'vitest';
import type { HttpMock, OutboundEntry } from '../../core/networkSchemas';
import { describeAnswer, describeResult, formatBody, formatHeaders } from './formatOutbound';

const base: OutboundEntry = {
  seq: 0,
  kind: 'http',
  timeMs: 0,
  client: 'fetch',
  method: 'GET',
  url: 'https://a.example/x',
  answeredBy: 'mock',
  mockId: 'm2',
  status: 201,
};
const mocks: HttpMock[] = [
  { id: 'm1', method: 'ANY', urlPattern: '*', status: 200, headers: {}, body: '', delayMs: 0 },
  {
    id: 'm2',
    method: 'GET',
    urlPattern: 'https://a.example/*',
    status: 201,
    headers: {},
    body: '',
    delayMs: 0,
  },
];

describe('formatOutbound', () => {
  it('pretty-prints JSON bodies and leaves other text as it is', () => {
    expect(formatBody('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(formatBody('{not json')).toBe('{not json');
    expect(formatBody('ok')).toBe('ok');
  });

  it('lists headers one per line', () => {
    expect(formatHeaders({ 'content-type': 'text/plain', 'x-a': '1' })).toBe(
      'content-type: text/plain\nx-a: 1',
    );
  });

  it('names the mock that answered, by position and pattern', () => {
    expect(describeAnswer(base, mocks)).toBe('mock #2 (GET https://a.example/*)');
    expect(describeAnswer({ ...base, mockId: 'm1' }, mocks)).toBe('mock #1 (*)');
    expect(describeAnswer({ ...base, mockId: 'gone' }, mocks)).toBe('mock');
    expect(describeAnswer({ ...base, answeredBy: 'blocked' }, mocks)).toBe('blocked');
    expect(describeAnswer({ ...base, answeredBy: 'network' }, mocks)).toBe('network');
  });

  it('gives the status, or the error instead', () => {
    expect(describeResult(base)).toBe('201');
    expect(describeResult({ ...base, status: undefined, error: 'socket hang up' })).toBe(
      'socket hang up',
    );
    expect(describeResult({ ...base, status: undefined })).toBe('no response');
  });
});
