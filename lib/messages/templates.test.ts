import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ko from '@/messages/ko.json';
import { escapeHtml } from './email-html';
import { renderVerificationMessage } from './templates';

const purposes = ['SignIn', 'Register', 'ForgotPassword', 'Generic'] as const;

describe('renderVerificationMessage', () => {
  it.each(purposes)('renders %s in English: subject, text and HTML with the code, app name and expiry; a short SMS', (purpose) => {
    const message = renderVerificationMessage(purpose, 'en', { code: '493021', expiresInMinutes: 10 });
    expect(message.subject).toContain('Sesame');
    expect(message.subject).not.toContain('493021');
    expect(message.text).toContain('493021');
    expect(message.text).toContain('expires in 10 minutes');
    expect(message.html).toContain('493021');
    expect(message.html).toContain('Sesame');
    expect(message.html).toContain('10 minutes');
    expect(message.html).toContain('<html lang="en">');
    expect(message.sms).toContain('493021');
    expect(message.sms).toContain('Sesame');
    expect(message.sms.length).toBeLessThanOrEqual(160);
  });

  it.each(purposes)('renders %s in Korean', (purpose) => {
    const message = renderVerificationMessage(purpose, 'ko', { code: '118254', expiresInMinutes: 5 });
    expect(message.subject).toMatch(/[가-힣]/);
    expect(message.text).toContain('118254');
    expect(message.text).toContain('5분 후에 만료');
    expect(message.html).toContain('<html lang="ko">');
    expect(message.html).toContain('118254');
    expect(message.sms).toContain('118254');
    expect(message.sms).toContain('5분');
  });

  it('says a different thing for each purpose (a reset code never reads like a sign-in code)', () => {
    const subjects = new Set(purposes.map((purpose) => renderVerificationMessage(purpose, 'en', { code: '1' }).subject));
    expect(subjects.size).toBe(purposes.length);
  });

  it('uses the singular for one minute and leaves the expiry out when not given', () => {
    expect(renderVerificationMessage('SignIn', 'en', { code: '1', expiresInMinutes: 1 }).text).toContain('expires in 1 minute.');
    const open = renderVerificationMessage('SignIn', 'en', { code: '123456' });
    expect(open.text).not.toContain('expires');
    expect(open.sms).not.toContain('min');
  });

  it('falls back to English for a locale it does not have', () => {
    expect(renderVerificationMessage('SignIn', 'fr-CA', { code: '1' })).toEqual(renderVerificationMessage('SignIn', 'en', { code: '1' }));
  });

  it('escapes every variable in the HTML and keeps to simple inline-styled markup', () => {
    const message = renderVerificationMessage('Generic', 'en', { code: '<img src=x onerror=alert(1)>' });
    expect(message.html).not.toContain('<img');
    expect(message.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(message.html).not.toMatch(/<table|<style|<script|<link|<a /i);
    expect(message.html).toMatch(/style="/);
  });

  it('has every template in both languages', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, child]) => keys(child, `${prefix}${key}.`))
        : [prefix.slice(0, -1)];
    expect(keys(ko.MessageTemplates).sort()).toEqual(keys(en.MessageTemplates).sort());
    expect(keys(ko.DevMailbox).sort()).toEqual(keys(en.DevMailbox).sort());
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
