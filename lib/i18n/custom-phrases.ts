import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Translation } from '@/db/schema';
import en from '@/messages/en.json';
import ko from '@/messages/ko.json';
import type { Locale } from './routing';

/** The catalogs Sesame ships: what custom phrases are checked against and merged over. */
export const shippedCatalogs: Record<Locale, Translation> = { en, ko };

/** Long enough for any paragraph on a page; short enough that a mistake cannot bloat every page. */
const MAX_MESSAGE_LENGTH = 2_000;

export type PhraseProblem = { key: string; problem: string };

/**
 * Checks an operator's phrases against the language's shipped catalog and drops empty ones
 * (an empty field means "keep Sesame's wording", as in Logto's console). Every key must be one
 * of the catalog's messages, and every value an ICU message the pages can render with the values
 * they pass: only the catalog message's own `{arguments}` (a number only where a number is
 * passed, so `{minutes, plural, …}` stays valid and `{appName, number}` does not) and its own
 * `<tags>` (the links in the terms sentence). Anything else would break the page at render time.
 * A message that delivers `{code}` must keep it.
 */
export function checkTranslation(locale: Locale, input: unknown): { translation: Translation; problems: PhraseProblem[] } {
  const problems: PhraseProblem[] = [];
  const translation = checkNode(shippedCatalogs[locale], input, '', problems) ?? {};
  return { translation, problems };
}

function checkNode(catalog: Translation, input: unknown, path: string, problems: PhraseProblem[]): Translation | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push({ key: path || '(root)', problem: 'must be an object of messages, shaped like messages/en.json' });
    return undefined;
  }
  const kept: Translation = {};
  for (const [name, value] of Object.entries(input)) {
    const key = path ? `${path}.${name}` : name;
    const shipped = Object.hasOwn(catalog, name) ? catalog[name] : undefined;
    if (shipped === undefined) {
      problems.push({ key, problem: 'is not a message or group of Sesame' });
    } else if (typeof shipped === 'string') {
      if (typeof value !== 'string') problems.push({ key, problem: 'must be a string' });
      else if (value.trim() !== '') {
        const problem = messageProblem(shipped, value);
        if (problem) problems.push({ key, problem });
        else kept[name] = value;
      }
    } else {
      const group = checkNode(shipped, value, key, problems);
      if (group && Object.keys(group).length > 0) kept[name] = group;
    }
  }
  return kept;
}

function messageProblem(shipped: string, custom: string): string | undefined {
  if (custom.length > MAX_MESSAGE_LENGTH) return `must be at most ${MAX_MESSAGE_LENGTH} characters`;
  let elements: MessageFormatElement[];
  try {
    elements = parse(custom);
  } catch (error) {
    return `is not a valid ICU message (${(error as Error).message})`;
  }
  const allowed = placeholdersOf(parse(shipped));
  const used = placeholdersOf(elements);
  for (const tag of used.tags) if (!allowed.tags.has(tag)) return `uses <${tag}>, which this message does not have${listed('tags', allowed.tags)}`;
  for (const [name, kind] of used.values) {
    const shippedKind = allowed.values.get(name);
    if (shippedKind === undefined) return `uses {${name}}, which this message does not have${listed('values', allowed.values)}`;
    if (kind !== 'any' && kind !== shippedKind) return `formats {${name}} as a ${kind}, which it is not`;
  }
  // A text message that carries the code (the SMS) must still carry it, or nobody could sign in by SMS.
  if (allowed.values.has('code') && !used.values.has('code')) return 'must keep {code}: this message delivers the code';
  return undefined;
}

function listed(what: string, names: Set<string> | Map<string, unknown>): string {
  return names.size === 0 ? '' : ` (its ${what}: ${[...names.keys()].join(', ')})`;
}

/** `number` where the message needs a number (number, plural), `date` for dates and times, `any` where any value prints. */
type ValueKind = 'any' | 'number' | 'date';

function placeholdersOf(elements: MessageFormatElement[], found = { values: new Map<string, ValueKind>(), tags: new Set<string>() }) {
  const note = (name: string, kind: ValueKind) => {
    if (kind !== 'any' || !found.values.has(name)) found.values.set(name, kind);
  };
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.select:
        note(element.value, 'any');
        break;
      case TYPE.number:
      case TYPE.plural:
        note(element.value, 'number');
        break;
      case TYPE.date:
      case TYPE.time:
        note(element.value, 'date');
        break;
      case TYPE.tag:
        found.tags.add(element.value);
        placeholdersOf(element.children, found);
        break;
      default:
        break;
    }
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) placeholdersOf(option.value, found);
    }
  }
  return found;
}

/** The shipped catalog with the operator's phrases laid over it (both already checked). */
export function mergeTranslation(base: Translation, custom: Translation): Translation {
  const merged: Translation = { ...base };
  for (const [name, value] of Object.entries(custom)) {
    const under = merged[name];
    merged[name] = typeof value === 'string' || typeof under !== 'object' ? value : mergeTranslation(under, value);
  }
  return merged;
}
