import { describe, expect, it } from 'vitest';
import type { EmailTemplate } from '@/db/schema';
import { fillTemplate, pickTemplate, renderCustomEmail } from './custom-templates';

const context = { code: '493021', locale: 'en', expiresInMinutes: 10, application: { id: 'app1', name: 'shop-prod', displayName: 'Acme <Shop> & Co' } };

const template = (languageTag: string): EmailTemplate => ({
  id: languageTag,
  languageTag,
  templateType: 'SignIn',
  details: { subject: 's', content: '{{code}}' },
  createdAt: new Date(),
});

describe('fillTemplate', () => {
  it('fills known variables, with spaces inside the braces or not, and leaves unknown ones empty', () => {
    expect(fillTemplate('{{code}} / {{ application.displayName }} / {{expiresInMinutes}} min / {{locale}} / [{{user.name}}]', context, 'text')).toBe(
      '493021 / Acme <Shop> & Co / 10 min / en / []',
    );
  });

  it('escapes every value in HTML, so an app name cannot add markup', () => {
    expect(fillTemplate('<p>{{application.displayName}}: <b>{{code}}</b></p>', context, 'html')).toBe('<p>Acme &lt;Shop&gt; &amp; Co: <b>493021</b></p>');
  });

  it('keeps a header value on one line', () => {
    expect(fillTemplate('Code for {{application.name}}', { ...context, application: { ...context.application, name: 'a\r\nBcc: x@evil.test' } }, 'header')).toBe(
      'Code for a Bcc: x@evil.test',
    );
  });
});

describe('renderCustomEmail', () => {
  it('makes plain text by default, HTML when the template says so, with its sender name and reply-to', () => {
    expect(renderCustomEmail({ subject: 'Code {{code}}', content: 'Your code: {{code}}' }, context)).toEqual({ subject: 'Code 493021', text: 'Your code: 493021' });
    expect(
      renderCustomEmail({ subject: 'Hi', content: '<b>{{code}}</b>', contentType: 'text/html', replyTo: 'help@acme.test', sendFrom: '{{application.displayName}}' }, context),
    ).toEqual({ subject: 'Hi', html: '<b>493021</b>', replyTo: 'help@acme.test', fromName: 'Acme <Shop> & Co' });
  });
});

describe('pickTemplate', () => {
  it('takes the person’s language, then a regional variant of it, then the operator’s fallback language', () => {
    expect(pickTemplate([template('en'), template('ko')], 'ko', 'en')?.languageTag).toBe('ko');
    expect(pickTemplate([template('en'), template('ko-KR')], 'ko', 'en')?.languageTag).toBe('ko-KR');
    expect(pickTemplate([template('ko-KR'), template('ko')], 'ko', 'en')?.languageTag).toBe('ko');
    expect(pickTemplate([template('en')], 'ko', 'en')?.languageTag).toBe('en');
    expect(pickTemplate([template('fr')], 'ko', 'en')).toBeUndefined();
  });
});
