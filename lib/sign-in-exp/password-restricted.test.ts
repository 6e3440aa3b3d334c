import { describe, expect, it } from 'vitest';
import { restrictedPhraseKinds, userInfoPhrases } from './password-restricted';

const all = { repetitionAndSequence: true, userInfo: true, words: [] as string[] };

describe('restricted phrases: repetition', () => {
  it('flags a run of one character, in any case', () => {
    expect(restrictedPhraseKinds('aaaa', all)).toEqual(['repetition']);
    expect(restrictedPhraseKinds('AaAaAaA1', all)).toEqual(['repetition']);
  });

  it('flags a short unit repeated three times or more', () => {
    expect(restrictedPhraseKinds('ababab', all)).toEqual(['repetition']);
    expect(restrictedPhraseKinds('xyzxyzxyz', all)).toContain('repetition');
    expect(restrictedPhraseKinds('8h#28h#28h#2', all)).toEqual(['repetition']);
  });

  it('accepts a run inside a password with enough other characters (Logto tolerance of 3)', () => {
    expect(restrictedPhraseKinds('aaaaG7#k', all)).toEqual([]);
    expect(restrictedPhraseKinds('aaaaaG7#', all)).toEqual([]);
    expect(restrictedPhraseKinds('aaaaaaG7', all)).toEqual(['repetition']);
  });

  it('does not flag two equal characters', () => {
    expect(restrictedPhraseKinds('bookkeeper', all)).toEqual([]);
  });
});

describe('restricted phrases: sequence', () => {
  it('flags digit, alphabet and keyboard runs, forwards and backwards', () => {
    expect(restrictedPhraseKinds('123456', all)).toEqual(['sequence']);
    expect(restrictedPhraseKinds('abcdefg', all)).toEqual(['sequence']);
    expect(restrictedPhraseKinds('qwertyui', all)).toEqual(['sequence']);
    expect(restrictedPhraseKinds('zyxwvu', all)).toEqual(['sequence']);
    expect(restrictedPhraseKinds('1qaz2wsx', all)).toEqual(['sequence']);
    expect(restrictedPhraseKinds('7890', all)).toEqual(['sequence']);
  });

  it('flags sequences that together fill the password', () => {
    expect(restrictedPhraseKinds('abcd1234', all)).toEqual(['sequence']);
    expect(restrictedPhraseKinds('ASDF4321', all)).toEqual(['sequence']);
  });

  it('accepts ordinary passphrases that merely contain a short run', () => {
    expect(restrictedPhraseKinds('correct horse battery staple', all)).toEqual([]);
    expect(restrictedPhraseKinds('Tr0ub4dor&3xyz', all)).toEqual([]);
  });

  it('is off when the policy turns it off', () => {
    expect(restrictedPhraseKinds('123456', { ...all, repetitionAndSequence: false })).toEqual([]);
  });
});

describe('restricted phrases: user info', () => {
  const info = { username: 'alice_w', email: 'Alice.Wonder@example.com', phone: '+1 415-867-5309', name: 'Alice Wonderland' };

  it('flags the username, the email local part and the name, in any case', () => {
    expect(restrictedPhraseKinds('ALICE_W', all, info)).toEqual(['user_info']);
    expect(restrictedPhraseKinds('alice.wonder!', all, info)).toEqual(['user_info']);
    expect(restrictedPhraseKinds('AliceWonderland', all, info)).toEqual(['user_info']);
    expect(restrictedPhraseKinds('wonderland2', all, info)).toEqual(['user_info']);
  });

  it('flags them reversed', () => {
    expect(restrictedPhraseKinds('w_ecila', all, info)).toEqual(['user_info']);
    expect(restrictedPhraseKinds('dnalrednow', all, info)).toEqual(['user_info']);
  });

  it('flags the phone number with or without its country code', () => {
    expect(restrictedPhraseKinds('14158675309', all, info)).toEqual(['user_info']);
    expect(restrictedPhraseKinds('4158675309', all, info)).toEqual(['user_info']);
    expect(restrictedPhraseKinds('8675309', all, info)).toEqual(['user_info']);
  });

  it('reports every kind that filled the password', () => {
    expect(restrictedPhraseKinds('alice_w1234', all, info)).toEqual(['sequence', 'user_info']);
  });

  it('accepts a password with enough besides the user info, and is off when the policy turns it off', () => {
    expect(restrictedPhraseKinds('alice_w-Gr8%Zq', all, info)).toEqual([]);
    expect(restrictedPhraseKinds('alice_w', { ...all, userInfo: false }, info)).toEqual([]);
  });

  it('ignores details too short to mean anything', () => {
    expect(userInfoPhrases({ name: 'Al', email: 'jo@example.com' })).toEqual([]);
    expect(userInfoPhrases({ username: 'bob' }).map((phrase) => phrase.join(''))).toEqual(['bob', 'bob']);
  });
});

describe('restricted phrases: words', () => {
  const rules = { ...all, words: ['Sesame', 'acme'] };

  it('flags the operator words in any case, alone or together', () => {
    expect(restrictedPhraseKinds('SESAME', rules)).toEqual(['words']);
    expect(restrictedPhraseKinds('acmesesame', rules)).toEqual(['words']);
    expect(restrictedPhraseKinds('sesame!!', rules)).toEqual(['words']);
  });

  it('accepts a word inside a longer password', () => {
    expect(restrictedPhraseKinds('sesame-Kp9v', rules)).toEqual([]);
    expect(restrictedPhraseKinds('sesame', all)).toEqual([]);
  });
});
