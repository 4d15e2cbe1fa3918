import { describe, expect, it } from 'vitest';
import { resolveFalKey, resolveFalProxyUrl } from '../../../electron/engine/fal/falSettings';

describe('resolveFalKey', () => {
  it('prefers the settings key, then FAL_KEY, then FAL_KEY_ID:FAL_KEY_SECRET', () => {
    const env = { FAL_KEY: 'env-key', FAL_KEY_ID: 'id', FAL_KEY_SECRET: 'secret' };
    expect(resolveFalKey(' saved ', env)).toBe('saved');
    expect(resolveFalKey('', env)).toBe('env-key');
    expect(resolveFalKey(undefined, { FAL_KEY_ID: 'id', FAL_KEY_SECRET: 'secret' })).toBe('id:secret');
    expect(resolveFalKey(undefined, { FAL_KEY_ID: 'id' })).toBeUndefined();
    expect(resolveFalKey('   ', { FAL_KEY: ' ' })).toBeUndefined();
  });
});

describe('resolveFalProxyUrl', () => {
  it('prefers settings over FAL_PROXY_URL and returns undefined for none', () => {
    expect(resolveFalProxyUrl('https://gw.example/fal', { FAL_PROXY_URL: 'https://env.example' })).toBe('https://gw.example/fal');
    expect(resolveFalProxyUrl(undefined, { FAL_PROXY_URL: 'http://127.0.0.1:8080/api/fal/proxy' })).toBe(
      'http://127.0.0.1:8080/api/fal/proxy',
    );
    expect(resolveFalProxyUrl('', {})).toBeUndefined();
  });

  it('refuses what is not an http(s) URL, naming where it came from', () => {
    expect(() => resolveFalProxyUrl(undefined, { FAL_PROXY_URL: 'not a url' })).toThrow(/FAL_PROXY_URL/);
    expect(() => resolveFalProxyUrl('file:///etc/passwd', {})).toThrow(expect.objectContaining({ code: 'invalid_proxy_url' }));
  });
});
