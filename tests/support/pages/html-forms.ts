import { DomUtils, parseDocument } from 'htmlparser2';

type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

/**
 * What a browser without JavaScript sees of a server-rendered page: its language, its forms
 * (each control's name and value, each submit button) and the problems it shows. Parsed with
 * htmlparser2, as a browser would, rather than pattern-matched.
 */
export type FormControl = { name: string; type: string; value: string; hidden: boolean; checked: boolean };
export type SubmitButton = { name?: string; value?: string; text: string };
export type HtmlForm = { action?: string; method: string; controls: FormControl[]; buttons: SubmitButton[] };
export type HtmlPage = {
  lang?: string;
  forms: HtmlForm[];
  /** The text of every `role="alert"` element (form problems). */
  alerts: string[];
  /** Names of the controls marked `aria-invalid="true"` (field errors). */
  invalid: string[];
  /** Every link's href. */
  links: string[];
};

const attribute = (element: Element, name: string) => DomUtils.getAttributeValue(element, name);
const text = (element: Element) => DomUtils.textContent(element).replace(/\s+/g, ' ').trim();

export function readPage(html: string): HtmlPage {
  const document = parseDocument(html);
  const elements = (tag: string, root: Element[] | typeof document.children = document.children) =>
    DomUtils.findAll((element) => element.name === tag, root);
  const root = elements('html')[0];
  const forms = elements('form').map((form): HtmlForm => {
    const controls = elements('input', form.children).flatMap((input): FormControl[] => {
      const name = attribute(input, 'name');
      if (!name) return [];
      const type = (attribute(input, 'type') ?? 'text').toLowerCase();
      return [{ name, type, value: attribute(input, 'value') ?? '', hidden: type === 'hidden' || DomUtils.hasAttrib(input, 'hidden'), checked: DomUtils.hasAttrib(input, 'checked') }];
    });
    const buttons = elements('button', form.children)
      .filter((button) => (attribute(button, 'type') ?? 'submit').toLowerCase() === 'submit')
      .map((button): SubmitButton => ({ name: attribute(button, 'name'), value: attribute(button, 'value'), text: text(button) }));
    return { action: attribute(form, 'action'), method: (attribute(form, 'method') ?? 'get').toLowerCase(), controls, buttons };
  });
  const withAttribute = (name: string, value: string) => DomUtils.findAll((element) => attribute(element, name) === value, document.children);
  return {
    lang: root ? attribute(root, 'lang') : undefined,
    forms,
    alerts: withAttribute('role', 'alert').map(text).filter(Boolean),
    invalid: withAttribute('aria-invalid', 'true').flatMap((element) => attribute(element, 'name') ?? []),
    links: elements('a').flatMap((link) => attribute(link, 'href') ?? []),
  };
}

/**
 * The body a browser posts for `form` when `button` is pressed: every control's value (checkboxes
 * only when checked), `fill` over them, and the button's own name and value.
 */
export function formBody(form: HtmlForm, fill: Record<string, string> = {}, button?: SubmitButton): URLSearchParams {
  const body = new URLSearchParams();
  for (const control of form.controls) {
    if (control.name in fill) continue;
    if ((control.type === 'checkbox' || control.type === 'radio') && !control.checked) continue;
    body.append(control.name, control.value);
  }
  for (const [name, value] of Object.entries(fill)) body.append(name, value);
  if (button?.name) body.append(button.name, button.value ?? '');
  return body;
}
