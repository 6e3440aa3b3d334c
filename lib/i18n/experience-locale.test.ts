import { describe, expect, it } from 'vitest';
import { experienceLocale, pinnedLocalePath } from './experience-locale';

const browser = (headers: Record<string, string> = {}) => new Request('http://localhost/oidc/auth', { headers });
const korean = { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' };
const german = { 'accept-language': 'de-DE,de;q=0.9' };
const detect = { autoDetect: true, fallbackLanguage: 'en' };

describe('the sign-in experience language', () => {
  it('is the app’s ui_locales when Sesame has one of them, whatever the browser or the settings say', () => {
    expect(experienceLocale({ ui_locales: 'fr en' }, browser(korean), detect)).toBe('en');
    expect(experienceLocale({ ui_locales: 'ko' }, browser(), { autoDetect: false, fallbackLanguage: 'en' })).toBe('ko');
  });

  it('detects the browser’s language, an earlier pick first, when auto-detect is on', () => {
    expect(experienceLocale({}, browser(korean), detect)).toBe('ko');
    expect(experienceLocale({}, browser({ ...korean, cookie: 'a=1; NEXT_LOCALE=en' }), detect)).toBe('en');
    expect(experienceLocale({ ui_locales: 'fr' }, browser(korean), detect)).toBe('ko');
  });

  it('falls back to the operator’s language when nothing detected is available, or detection is off', () => {
    expect(experienceLocale({}, browser(german), { autoDetect: true, fallbackLanguage: 'ko' })).toBe('ko');
    expect(experienceLocale({}, browser(), { autoDetect: true, fallbackLanguage: 'ko' })).toBe('ko');
    expect(experienceLocale({}, browser(korean), { autoDetect: false, fallbackLanguage: 'en' })).toBe('en');
    expect(experienceLocale({}, browser({ 'accept-language': 'en' }), { autoDetect: false, fallbackLanguage: 'ko' })).toBe('ko');
  });
});

describe('a page path pinned to a language', () => {
  it('is the canonical path when the browser would be served that language anyway', () => {
    expect(pinnedLocalePath('en', '/sign-in', browser({ 'accept-language': 'en-US' }))).toBe('/sign-in');
    expect(pinnedLocalePath('en', '/sign-in', browser())).toBe('/sign-in');
    expect(pinnedLocalePath('ko', '/sign-in', browser({ 'accept-language': 'en-US' }))).toBe('/ko/sign-in');
  });

  it('keeps the /en prefix when the browser’s language or earlier pick would turn /sign-in into Korean', () => {
    expect(pinnedLocalePath('en', '/sign-in', browser(korean))).toBe('/en/sign-in');
    expect(pinnedLocalePath('en', '/consent', browser({ cookie: 'NEXT_LOCALE=ko' }))).toBe('/en/consent');
  });
});
