import '@/tests/support/experience-env';
import { describe, expect, it } from 'vitest';
import { assertSameOriginJson } from './same-origin';

const url = 'http://localhost:3998/api/experience';
const request = (headers: Record<string, string>) => new Request(url, { method: 'POST', headers });

describe('assertSameOriginJson', () => {
  it('passes same-origin JSON (with a charset), JSON without Origin, and a request without a body', () => {
    expect(() => assertSameOriginJson(request({ origin: 'http://localhost:3998', 'content-type': 'application/json; charset=utf-8' }))).not.toThrow();
    expect(() => assertSameOriginJson(request({ 'content-type': 'Application/JSON' }))).not.toThrow();
    expect(() => assertSameOriginJson(request({ origin: 'http://localhost:3998', 'content-length': '0' }))).not.toThrow();
  });

  it('refuses another origin, including an opaque one', () => {
    for (const origin of ['http://localhost:3999', 'https://localhost:3998', 'http://evil.localhost:3998', 'null']) {
      expect(() => assertSameOriginJson(request({ origin, 'content-type': 'application/json' }))).toThrow(
        expect.objectContaining({ code: 'request.cross_origin_forbidden', status: 403 }),
      );
    }
  });

  it('refuses bodies that are not JSON, and bodies without a content type', () => {
    const refused: Record<string, string>[] = [
      { 'content-type': 'text/plain;charset=UTF-8' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'application/jsonp' },
      { 'content-length': '12' },
      { 'transfer-encoding': 'chunked' },
    ];
    for (const headers of refused) {
      expect(() => assertSameOriginJson(request(headers))).toThrow(expect.objectContaining({ code: 'request.unsupported_content_type', status: 415 }));
    }
  });
});
