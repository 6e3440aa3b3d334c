/**
 * The "restricted phrases" rules of the password policy (Logto's `rejects.repetitionAndSequence`,
 * `rejects.userInfo`, `rejects.words`): runs of one character or a short pattern (`aaaa`, `121212`),
 * keyboard and alphabet sequences (`1234`, `abcd`, `qwerty`, `4321`), the person's own details and
 * the operator's words. As in Logto, such runs may appear inside a longer password; the password is
 * refused when they make up nearly all of it — fewer than RESTRICTED_TOLERANCE characters outside them.
 */
export type RestrictedKind = 'repetition' | 'sequence' | 'user_info' | 'words';

export type RestrictedRules = { repetitionAndSequence: boolean; userInfo: boolean; words: readonly string[] };

export type RestrictedUserInfo = { username?: string | null; email?: string | null; phone?: string | null; name?: string | null };

/** A run shorter than this is ordinary text, not a pattern (`aa`, `ab`). */
const MIN_RUN = 3;
/** Logto's tolerance: with this many characters or more outside restricted runs, a password passes. */
export const RESTRICTED_TOLERANCE = 3;
/** Names, usernames and email parts shorter than this would flag ordinary letters. */
const MIN_USER_PHRASE = 3;

/** Alphabet, digits (with the wrap to 0 of `7890`), keyboard rows and columns; each also read backwards. */
const SEQUENCES = ['01234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz', '2wsx', '3edc', '4rfv', '5tgb', '6yhn', '7ujm', '8ik,', '9ol.', '0p;/'];
const SEQUENCE_SOURCES = [...SEQUENCES, ...SEQUENCES.map((sequence) => [...sequence].reverse().join(''))];

/** Compared per code point and in lower case: `AAAA` is as repetitive as `aaaa`. */
function units(text: string): string[] {
  return [...text].map((char) => char.toLowerCase());
}

/** Length of the run at `start` that repeats one unit of 1-4 characters at least three times (`aaa`, `ababab`). */
function repetitionRun(chars: string[], start: number): number {
  let longest = 0;
  for (let period = 1; period <= 4; period += 1) {
    let end = start + period;
    while (end < chars.length && chars[end] === chars[end - period]) end += 1;
    const length = Math.min(end, chars.length) - start;
    if (length >= period * 3 && length > longest) longest = length;
  }
  return longest;
}

/** Length of the run at `start` that follows one of SEQUENCES, forwards or backwards. */
function sequenceRun(chars: string[], start: number): number {
  let end = start + 1;
  while (end < chars.length) {
    const candidate = chars.slice(start, end + 1).join('');
    if (!SEQUENCE_SOURCES.some((source) => source.includes(candidate))) break;
    end += 1;
  }
  const length = end - start;
  return length >= MIN_RUN ? length : 0;
}

/** Length of the longest phrase found exactly at `start`. */
function phraseRun(chars: string[], start: number, phrases: string[][]): number {
  let longest = 0;
  for (const phrase of phrases) {
    if (phrase.length <= longest || start + phrase.length > chars.length) continue;
    if (phrase.every((unit, offset) => chars[start + offset] === unit)) longest = phrase.length;
  }
  return longest;
}

/** What of the person a password must not be made of: each detail, its parts, and each read backwards. */
export function userInfoPhrases(info: RestrictedUserInfo): string[][] {
  const phrases = new Set<string>();
  const add = (value: string | null | undefined) => {
    const lowered = value?.trim().toLowerCase();
    if (lowered && [...lowered].length >= MIN_USER_PHRASE) phrases.add(lowered);
  };
  add(info.username);
  if (info.name) {
    add(info.name);
    add(info.name.replace(/\s+/g, ''));
    for (const word of info.name.split(/\s+/)) add(word);
  }
  const localPart = info.email?.split('@')[0];
  if (localPart) {
    add(localPart);
    for (const part of localPart.split(/[._+-]+/)) add(part);
  }
  const digits = info.phone?.replace(/\D/g, '');
  if (digits) {
    // People type their number without the country code: every tail from 7 digits up counts too.
    for (let length = Math.min(7, digits.length); length <= digits.length; length += 1) add(digits.slice(-length));
  }
  return [...phrases].flatMap((phrase) => [units(phrase), units(phrase).reverse()]);
}

/** The restricted kinds that make up (nearly) all of the password, in a stable order; empty when it passes. */
export function restrictedPhraseKinds(password: string, rules: RestrictedRules, info: RestrictedUserInfo = {}): RestrictedKind[] {
  const chars = units(password);
  const covered = new Array<boolean>(chars.length).fill(false);
  const found = new Set<RestrictedKind>();
  const userPhrases = rules.userInfo ? userInfoPhrases(info) : [];
  const wordPhrases = rules.words.map(units);

  const mark = (start: number, length: number, kind: RestrictedKind) => {
    if (length <= 0) return;
    covered.fill(true, start, start + length);
    found.add(kind);
  };
  for (let start = 0; start < chars.length; start += 1) {
    if (rules.repetitionAndSequence) {
      mark(start, repetitionRun(chars, start), 'repetition');
      mark(start, sequenceRun(chars, start), 'sequence');
    }
    if (userPhrases.length > 0) mark(start, phraseRun(chars, start, userPhrases), 'user_info');
    if (wordPhrases.length > 0) mark(start, phraseRun(chars, start, wordPhrases), 'words');
  }

  const coveredCount = covered.filter(Boolean).length;
  if (coveredCount <= Math.max(1, chars.length - RESTRICTED_TOLERANCE)) return [];
  return (['repetition', 'sequence', 'user_info', 'words'] as const).filter((kind) => found.has(kind));
}
