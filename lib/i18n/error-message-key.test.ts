import { createTranslator, type AbstractIntlMessages } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import ko from '../../messages/ko.json';
import { errorMessageKey } from './error-message-key';

describe('errorMessageKey', () => {
  it('maps a dotted code to its nested message under Errors', () => {
    // Untyped messages: codes arrive as plain strings from the server, as in the pages.
    const messages: AbstractIntlMessages = ko;
    const t = createTranslator({ locale: 'ko', messages, namespace: 'Errors' });
    expect(errorMessageKey('guard.invalid_input', ko.Errors)).toBe('guard.invalid_input');
    expect(t(errorMessageKey('guard.invalid_input', ko.Errors))).toBe(ko.Errors.guard.invalid_input);
  });

  it('falls back to the generic message for unknown codes and bare namespaces', () => {
    for (const code of ['session.no_such_code', 'guard', 'constructor', 'toString', '']) {
      expect(errorMessageKey(code, en.Errors)).toBe('internal_server_error');
    }
  });
});
