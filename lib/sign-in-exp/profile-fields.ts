import isSafeRegex from 'safe-regex2';
import { z } from 'zod';
import type { CustomProfileField, ProfileFieldConfig, UserProfile } from '@/db/schema';

/**
 * Logto's custom profile field types Sesame collects. Logto's composite `Address` and `Fullname`
 * are not built: a field of either type is refused, not half-collected.
 */
export const profileFieldTypes = ['Text', 'Number', 'Date', 'Checkbox', 'Select', 'Url', 'Regex'] as const;
export type ProfileFieldType = (typeof profileFieldTypes)[number];

/** Standard claims a field may fill on the user itself (`name`, `profile.*`); any other name goes to `customData`. */
const profileKeys = ['givenName', 'familyName', 'middleName', 'nickname', 'preferredUsername', 'profile', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale'] as const;
/** Names a field may not take: they are identifiers, credentials, or parts of the account collected elsewhere. */
const reservedNames = new Set(['username', 'email', 'primaryEmail', 'phone', 'primaryPhone', 'password', 'avatar', 'address', 'fullname', 'identities', 'customData', 'id']);

/** Longest value a text field keeps when the operator sets no `maxLength`. */
const TEXT_LIMIT = 256;

const configSchema = z
  .object({
    placeholder: z.string().max(256),
    minLength: z.number().int().min(0).max(TEXT_LIMIT),
    maxLength: z.number().int().min(1).max(TEXT_LIMIT),
    minValue: z.number(),
    maxValue: z.number(),
    format: z.string().min(1).max(128),
    options: z.array(z.object({ label: z.string().max(128).optional(), value: z.string().min(1).max(128) })).min(1).max(100),
    defaultValue: z.string().max(256),
  })
  .partial()
  .strip();

/** `POST /api/custom-profile-fields` (and, without `name`, `PUT /:name`): Logto's field body. */
export const profileFieldBodySchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,127}$/, 'must be letters, digits and underscores, starting with a letter')
      .refine((name) => !reservedNames.has(name), 'is an identifier or credential, collected by the sign-up settings'),
    type: z.enum(profileFieldTypes, { message: `must be one of ${profileFieldTypes.join(', ')} (Address and Fullname are not available in Sesame)` }),
    label: z.string().trim().min(1).max(128),
    description: z.string().max(256).nullish(),
    required: z.boolean(),
    config: configSchema.default({}),
  })
  .strict()
  .superRefine(({ type, config }, context) => {
    const problem = configProblem(type, config);
    if (problem) context.addIssue({ code: 'custom', path: ['config'], message: problem });
  });
export type ProfileFieldBody = z.infer<typeof profileFieldBodySchema>;

function configProblem(type: ProfileFieldType, config: ProfileFieldConfig): string | undefined {
  if (config.minLength !== undefined && config.maxLength !== undefined && config.minLength > config.maxLength) return 'minLength is over maxLength';
  if (config.minValue !== undefined && config.maxValue !== undefined && config.minValue > config.maxValue) return 'minValue is over maxValue';
  if (type === 'Select' && !config.options) return 'a Select field needs options';
  if (type === 'Select' && new Set(config.options!.map((option) => option.value)).size !== config.options!.length) return 'each option value may appear once';
  if (type === 'Regex') {
    if (!config.format) return 'a Regex field needs its pattern in format';
    try {
      new RegExp(config.format, 'u');
    } catch {
      return 'format is not a valid regular expression';
    }
    // Anyone may type into the field, and the pattern is public: one that can backtrack without
    // end ((a+)+, nested quantifiers) would let a visitor stall the server.
    if (!isSafeRegex(config.format)) return 'format has nested quantifiers that can take exponential time; simplify it (e.g. [A-Za-z0-9 ]+ for ([A-Za-z0-9]+ ?)*)';
  }
  return undefined;
}

export type ProfileValue = string | number | boolean;
/** Why a value was refused, as an `Errors.profile_field.*` code with the values its message needs. */
export type ProfileValueProblem = { code: string; values?: Record<string, number> };

/**
 * Checks what a person typed for each field (a form's strings or the API's JSON) and returns the
 * values to keep, by field name. An empty optional field is left out; an unknown name is refused.
 */
export function checkProfileValues(fields: CustomProfileField[], input: Record<string, unknown>) {
  const values: Record<string, ProfileValue> = {};
  const problems: Record<string, ProfileValueProblem> = {};
  for (const name of Object.keys(input)) if (!fields.some((field) => field.name === name)) problems[name] = { code: 'profile_field.unknown' };
  for (const field of fields) {
    // Own answers only: a field named `toString` must not read Object.prototype's.
    const result = checkValue(field, Object.hasOwn(input, field.name) ? input[field.name] : undefined);
    if ('problem' in result) problems[field.name] = result.problem;
    else if (result.value !== undefined) values[field.name] = result.value;
  }
  return { values, problems };
}

type Checked = { value: ProfileValue | undefined } | { problem: ProfileValueProblem };

function checkValue({ type, required, config }: CustomProfileField, raw: unknown): Checked {
  if (type === 'Checkbox') {
    // What a checkbox posts ('true', 'on') or leaves out, and JSON booleans; anything else is a mistake, not a "no".
    if (![true, false, 'true', 'on', '', undefined, null].includes(raw as never)) return { problem: { code: 'profile_field.invalid' } };
    const checked = raw === true || raw === 'true' || raw === 'on';
    return required && !checked ? { problem: { code: 'profile_field.required' } } : { value: checked };
  }
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : undefined;
  if (text === undefined) return { problem: { code: 'profile_field.invalid' } };
  if (text === '') return required ? { problem: { code: 'profile_field.required' } } : { value: undefined };
  switch (type) {
    case 'Number': {
      // Decimal only, as a number input posts it (Number() would also read 0x1F and 0b101).
      const number = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(number)) return { problem: { code: 'profile_field.not_a_number' } };
      if (config.minValue !== undefined && number < config.minValue) return { problem: { code: 'profile_field.too_small', values: { min: config.minValue } } };
      if (config.maxValue !== undefined && number > config.maxValue) return { problem: { code: 'profile_field.too_large', values: { max: config.maxValue } } };
      return { value: number };
    }
    case 'Date':
      return isCalendarDate(text) ? { value: text } : { problem: { code: 'profile_field.not_a_date' } };
    case 'Select':
      return config.options?.some((option) => option.value === text) ? { value: text } : { problem: { code: 'profile_field.not_an_option' } };
    case 'Url': {
      const url = URL.canParse(text) ? new URL(text) : undefined;
      // Stored in its normal form (`http:example.com` → `http://example.com/`), as the claim it becomes.
      return url && /^https?:$/.test(url.protocol) && url.href.length <= TEXT_LIMIT ? { value: url.href } : { problem: { code: 'profile_field.invalid_url' } };
    }
    default: {
      const min = config.minLength ?? 0;
      const max = config.maxLength ?? TEXT_LIMIT;
      if (text.length < min) return { problem: { code: 'profile_field.too_short', values: { min } } };
      if (text.length > max) return { problem: { code: 'profile_field.too_long', values: { max } } };
      if (type === 'Regex' && !new RegExp(`^(?:${config.format})$`, 'u').test(text)) return { problem: { code: 'profile_field.format_mismatch' } };
      return { value: text };
    }
  }
}

/** YYYY-MM-DD (what a date input posts, and how OpenID Connect writes `birthdate`), and a day that exists. */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Where collected values go on the new account: `name`, the standard `profile` claims, and `customData` for the rest. */
export function profileColumns(values: Record<string, ProfileValue>): { name?: string; profile: UserProfile; customData: Record<string, ProfileValue> } {
  const columns: { name?: string; profile: UserProfile; customData: Record<string, ProfileValue> } = { profile: {}, customData: {} };
  for (const [key, value] of Object.entries(values)) {
    if (key === 'name') columns.name = String(value);
    else if ((profileKeys as readonly string[]).includes(key)) columns.profile[key as (typeof profileKeys)[number]] = String(value);
    else columns.customData[key] = value;
  }
  return columns;
}

/** A field as custom sign-in UIs see it (`/api/.well-known/sign-in-exp` `customProfileFields`). */
export function describeProfileField({ name, type, label, description, required, config, sieOrder }: CustomProfileField) {
  return { name, type: type as ProfileFieldType, label, description, required, config, sieOrder };
}
export type PublicProfileField = ReturnType<typeof describeProfileField>;
