import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, routing } from '../lib/i18n/routing';

type Messages = { [key: string]: string | Messages };

function load(locale: string): Messages {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, `${locale}.json`), 'utf8')) as Messages;
}

/** Every leaf as `Namespace.nested.key` → message. */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const fullKey = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') leaves.set(fullKey, value);
    else for (const [k, v] of flatten(value, fullKey)) leaves.set(k, v);
  }
  return leaves;
}

/** ICU argument names (`{name}`, `{count, plural, ...}`): a translation must use the same ones. */
function argumentNames(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((match) => match[1] ?? ''))].sort();
}

const reference = flatten(load(routing.defaultLocale));

describe.each(locales.filter((locale) => locale !== routing.defaultLocale))('messages/%s.json', (locale) => {
  const translated = flatten(load(locale));

  it(`has every key of ${routing.defaultLocale}.json`, () => {
    expect([...reference.keys()].filter((key) => !translated.has(key))).toEqual([]);
  });

  it(`has no key that ${routing.defaultLocale}.json lacks`, () => {
    expect([...translated.keys()].filter((key) => !reference.has(key))).toEqual([]);
  });

  it('uses the same placeholders', () => {
    const mismatched = [...reference].filter(([key, message]) => {
      const other = translated.get(key);
      return other !== undefined && argumentNames(other).join() !== argumentNames(message).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
});

describe.each(locales)('messages/%s.json values', (locale) => {
  it('has no empty message', () => {
    const empty = [...flatten(load(locale))].filter(([, message]) => message.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
