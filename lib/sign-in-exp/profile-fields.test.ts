import { describe, expect, it } from 'vitest';
import type { CustomProfileField } from '@/db/schema';
import { checkProfileValues, profileColumns, profileFieldBodySchema } from './profile-fields';

const field = (name: string, type: string, config: CustomProfileField['config'] = {}, required = true): CustomProfileField => ({
  id: name,
  name,
  type,
  label: name,
  description: null,
  required,
  config,
  sieOrder: 1,
  createdAt: new Date(),
});

describe('profileFieldBodySchema', () => {
  const valid = { name: 'company', type: 'Text', label: 'Company', required: true };
  it('takes Logto’s field body and fills an empty config', () => {
    expect(profileFieldBodySchema.parse(valid)).toEqual({ ...valid, config: {} });
  });

  it.each([
    [{ ...valid, name: '1st' }, 'name'],
    [{ ...valid, name: 'primaryEmail' }, 'name'],
    [{ ...valid, type: 'Address' }, 'type'],
    [{ ...valid, type: 'Select' }, 'config'],
    [{ ...valid, type: 'Select', config: { options: [{ value: 'a' }, { value: 'a' }] } }, 'config'],
    [{ ...valid, type: 'Regex', config: { format: '(' } }, 'config'],
    // A pattern that backtracks without end ((a+)+) would let any visitor stall the server.
    [{ ...valid, type: 'Regex', config: { format: '([A-Za-z0-9]+\\s?)*' } }, 'config'],
    [{ ...valid, config: { minLength: 5, maxLength: 2 } }, 'config'],
    [{ ...valid, label: ' ' }, 'label'],
    [{ ...valid, extra: true }, ''],
  ])('refuses %j (at %s)', (body, path) => {
    const result = profileFieldBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join('.')).toBe(path);
  });
});

describe('checkProfileValues', () => {
  const fields = [
    field('name', 'Text', { maxLength: 20 }),
    field('age', 'Number', { minValue: 13, maxValue: 130 }, false),
    field('birthdate', 'Date', {}, false),
    field('plan', 'Select', { options: [{ value: 'free' }, { value: 'pro' }] }, false),
    field('website', 'Url', {}, false),
    field('employeeId', 'Regex', { format: 'E\\d{4}' }, false),
    field('newsletter', 'Checkbox', {}, false),
    field('acceptsRules', 'Checkbox', {}, true),
  ];

  it('keeps what is valid, typed as the field is (numbers, booleans), and leaves out empty optional fields', () => {
    const input = { name: ' Ada ', age: '36', birthdate: '1815-12-10', plan: 'pro', website: 'https://ada.example', employeeId: 'E1815', acceptsRules: 'true', newsletter: '' };
    expect(checkProfileValues(fields, input)).toEqual({
      values: { name: 'Ada', age: 36, birthdate: '1815-12-10', plan: 'pro', website: 'https://ada.example/', employeeId: 'E1815', newsletter: false, acceptsRules: true },
      problems: {},
    });
    expect(checkProfileValues(fields, { name: 'Ada', acceptsRules: true, age: '' }).values).toEqual({ name: 'Ada', acceptsRules: true, newsletter: false });
  });

  it('says what is wrong with each field', () => {
    const { problems } = checkProfileValues(fields, {
      name: 'x'.repeat(21),
      age: '12',
      birthdate: '1815-02-30',
      plan: 'enterprise',
      website: 'javascript:alert(1)',
      employeeId: 'E18150',
      hacker: 'yes',
    });
    expect(problems).toEqual({
      name: { code: 'profile_field.too_long', values: { max: 20 } },
      age: { code: 'profile_field.too_small', values: { min: 13 } },
      birthdate: { code: 'profile_field.not_a_date' },
      plan: { code: 'profile_field.not_an_option' },
      website: { code: 'profile_field.invalid_url' },
      employeeId: { code: 'profile_field.format_mismatch' },
      acceptsRules: { code: 'profile_field.required' },
      hacker: { code: 'profile_field.unknown' },
    });
    expect(checkProfileValues(fields, { name: '', acceptsRules: 'on', age: 'many' }).problems).toEqual({
      name: { code: 'profile_field.required' },
      age: { code: 'profile_field.not_a_number' },
    });
    expect(checkProfileValues(fields, { name: { nested: true }, acceptsRules: 'on' }).problems).toEqual({ name: { code: 'profile_field.invalid' } });
    // Only decimal numbers, and only what a checkbox can say.
    expect(checkProfileValues(fields, { name: 'Ada', acceptsRules: 'yes', age: '0x1F' }).problems).toEqual({
      age: { code: 'profile_field.not_a_number' },
      acceptsRules: { code: 'profile_field.invalid' },
    });
  });

  it('reads only the answers given, never Object.prototype (a field may be named toString)', () => {
    expect(checkProfileValues([field('toString', 'Text', {}, false)], {})).toEqual({ values: {}, problems: {} });
  });
});

describe('profileColumns', () => {
  it('puts standard claims on the user and the rest in customData', () => {
    expect(profileColumns({ name: 'Ada Lovelace', birthdate: '1815-12-10', givenName: 'Ada', plan: 'pro', age: 36 })).toEqual({
      name: 'Ada Lovelace',
      profile: { birthdate: '1815-12-10', givenName: 'Ada' },
      customData: { plan: 'pro', age: 36 },
    });
  });
});
