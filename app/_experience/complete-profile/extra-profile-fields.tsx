import { useTranslations } from 'next-intl';
import { Checkbox } from '@/app/_components/ui/checkbox';
import { FieldLabel, FieldMessages, describedBy, inputClassName } from '@/app/_components/ui/field-parts';
import { TextField } from '@/app/_components/ui/text-field';
import type { PublicProfileField } from '@/lib/sign-in-exp/profile-fields';
import type { FormState } from '../form-state';
import { useProblemText } from '../components/problem-text';
import { profileInputName } from './fields';

const inputTypes = { Text: 'text', Regex: 'text', Number: 'number', Date: 'date', Url: 'url' } as const;

/**
 * The operator's profile fields ("Tell us about yourself"), as native inputs: a date picker,
 * a number or URL keyboard, a select, a checkbox. Optional ones say so; errors sit under their field.
 */
export function ExtraProfileFields({ fields, state }: { fields: PublicProfileField[]; state: FormState }) {
  const t = useTranslations('CompleteProfile');
  const problemText = useProblemText();
  const { values, fieldErrors = {} } = state;
  return fields.map((field, index) => {
    const name = profileInputName(field.name);
    const id = `field-profile-${field.name}`;
    const label = field.required ? field.label : t('optional', { label: field.label });
    const hint = field.description ?? undefined;
    const error = problemText(fieldErrors[name]);
    const common = { autoFocus: index === 0 && !Object.keys(fieldErrors).length, required: field.required };
    if (field.type === 'Checkbox') return <Checkbox key={name} id={id} name={name} value="true" label={label} hint={hint} error={error} defaultChecked={(values[name] ?? field.config.defaultValue) === 'true'} {...common} />;
    if (field.type === 'Select') {
      return (
        <div key={name}>
          <FieldLabel htmlFor={id}>{label}</FieldLabel>
          <select id={id} name={name} defaultValue={values[name] ?? field.config.defaultValue ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { hint, error })} className={inputClassName} {...common}>
            <option value="">{field.config.placeholder ?? t('choose')}</option>
            {field.config.options?.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label || option.value}
              </option>
            ))}
          </select>
          <FieldMessages id={id} hint={hint} error={error} />
        </div>
      );
    }
    return (
      <TextField
        key={name}
        id={id}
        name={name}
        type={inputTypes[field.type]}
        label={label}
        hint={hint}
        error={error}
        placeholder={field.config.placeholder}
        defaultValue={values[name] ?? field.config.defaultValue}
        {...(field.type === 'Number' ? { inputMode: 'decimal' as const, min: field.config.minValue, max: field.config.maxValue, step: 'any' } : {})}
        {...(field.type === 'Text' || field.type === 'Regex' ? { maxLength: field.config.maxLength } : {})}
        {...(field.name === 'name' ? { autoComplete: 'name' } : field.name === 'birthdate' ? { autoComplete: 'bday' } : {})}
        {...common}
      />
    );
  });
}
