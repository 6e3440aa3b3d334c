/**
 * What every experience form's server action hands back to its form: codes to localize as
 * `Errors.<code>`, never English sentences (STYLE.md convention 3), and the values typed so
 * far (never a password) so a form keeps them after an error.
 */
export type Problem = {
  code: string;
  values?: Record<string, string | number>;
  /** `password.rejected`: every rule the password broke, each localized as `Errors.<code>`. */
  issues?: { code: string; interpolation?: Record<string, string | number> }[];
};

export type FormState = {
  values: Record<string, string>;
  fieldErrors?: Record<string, Problem>;
  formError?: Problem;
};

export const initialFormState = (values: Record<string, string> = {}): FormState => ({ values });
