import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { checkTranslation, mergeTranslation, shippedCatalogs } from './custom-phrases';

describe('checkTranslation', () => {
  it('keeps messages the pages can render, with their own values, tags and plurals', () => {
    const input = {
      SignIn: { title: 'Welcome back to Acme' },
      Common: { poweredBy: 'Built with {product}' },
      Terms: { agreeBoth: 'I accept the <terms>terms</terms> and the <privacy>privacy notice</privacy>' },
      Errors: { request: { message_rate_limited: 'Wait {minutes, plural, one {a minute} other {# minutes}}.' } },
    };
    const { translation, problems } = checkTranslation('en', input);
    expect(problems).toEqual([]);
    expect(translation).toEqual(input);
  });

  it('drops empty messages and groups left empty: an empty field keeps Sesame’s wording', () => {
    const { translation, problems } = checkTranslation('ko', { SignIn: { title: '  ' }, Register: { title: '가입하기' }, Consent: {} });
    expect(problems).toEqual([]);
    expect(translation).toEqual({ Register: { title: '가입하기' } });
  });

  it.each([
    [{ SignIn: { nope: 'x' } }, 'SignIn.nope', 'is not a message or group of Sesame'],
    [{ Nope: { title: 'x' } }, 'Nope', 'is not a message or group of Sesame'],
    [{ SignIn: { title: 3 } }, 'SignIn.title', 'must be a string'],
    [{ SignIn: 'flat' }, 'SignIn', 'must be an object of messages'],
    [{ SignIn: { title: 'Hello {name' } }, 'SignIn.title', 'is not a valid ICU message'],
    [{ SignIn: { title: 'Hello {name}' } }, 'SignIn.title', 'uses {name}, which this message does not have'],
    [{ Common: { poweredBy: 'By {brand}' } }, 'Common.poweredBy', 'its values: product'],
    [{ Common: { poweredBy: 'By {product, number}' } }, 'Common.poweredBy', 'formats {product} as a number'],
    [{ Terms: { agreeTerms: 'I agree to the <privacy>policy</privacy>' } }, 'Terms.agreeTerms', 'uses <privacy>'],
    [{ SignIn: { title: '<script>alert(1)</script>' } }, 'SignIn.title', 'uses <script>'],
    [{ MessageTemplates: { SignIn: { sms: 'Sign in to {appName} now' } } }, 'MessageTemplates.SignIn.sms', 'must keep {code}'],
    [{ SignIn: { title: 'x'.repeat(2_001) } }, 'SignIn.title', 'at most 2000 characters'],
    [['a'], '(root)', 'must be an object'],
  ])('refuses %j at its key', (input, key, problem) => {
    const { problems } = checkTranslation('en', input);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.key).toBe(key);
    expect(problems[0]!.problem).toContain(problem);
  });

  it('reports every problem at once, and keeps nothing from the object it came from under a bad key', () => {
    const { problems } = checkTranslation('en', { SignIn: { title: 'ok', nope: 'x' }, Register: { title: '{x}' }, Missing: 'y' });
    expect(problems.map((problem) => problem.key)).toEqual(['SignIn.nope', 'Register.title', 'Missing']);
  });

  it('does not treat inherited object properties as messages', () => {
    expect(checkTranslation('en', JSON.parse('{"__proto__": {"title": "x"}, "constructor": "y"}')).problems.map((p) => p.key)).toEqual(['__proto__', 'constructor']);
  });
});

describe('mergeTranslation', () => {
  it('lays the custom messages over the catalog and leaves the rest as shipped; the result renders', () => {
    const merged = mergeTranslation(shippedCatalogs.en, { SignIn: { title: 'Welcome back to Acme' }, Terms: { agreeTerms: 'Yes to the <terms>rules</terms>' } });
    const t = createTranslator({ locale: 'en', messages: merged as never });
    expect(t('SignIn.title' as never)).toBe('Welcome back to Acme');
    expect(t('SignIn.submit' as never)).toBe(createTranslator({ locale: 'en', messages: shippedCatalogs.en as never })('SignIn.submit' as never));
    expect(t.rich('Terms.agreeTerms' as never, { terms: (chunks: unknown) => `[${String(chunks)}]` } as never)).toBe('Yes to the [rules]');
    expect(shippedCatalogs.en.SignIn).not.toBe(merged.SignIn);
    expect((shippedCatalogs.en.SignIn as Record<string, string>).title).not.toBe('Welcome back to Acme');
  });
});
