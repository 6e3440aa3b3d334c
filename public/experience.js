// @ts-check
/*
 * The sign-in experience pages' only script, a progressive enhancement: every page works without
 * it (plain forms answered by the server). Loaded with `defer` from pages/_document.tsx.
 *  - Password fields: reveals the show/hide toggle the server renders hidden.
 *  - New passwords: ticks each listed rule (`data-password-rule`) as it is met.
 *  - Forms: a second press while the first post is on its way does nothing (no double submits).
 */
(() => {
  for (const toggle of document.querySelectorAll('button[data-password-toggle]')) {
    const input = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    if (!(toggle instanceof HTMLButtonElement) || !(input instanceof HTMLInputElement)) continue;
    toggle.hidden = false;
    toggle.addEventListener('click', () => {
      const show = input.type === 'password';
      input.type = show ? 'text' : 'password';
      toggle.setAttribute('aria-pressed', String(show));
    });
  }

  /** @type {Record<string, (value: string) => number>} what each rule counts, against its data-min */
  const measures = {
    length: (value) => [...value].length,
    types: (value) => [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((pattern) => pattern.test(value)).length,
  };
  for (const input of document.querySelectorAll('input[autocomplete="new-password"]')) {
    if (!(input instanceof HTMLInputElement)) continue;
    const rules = input.closest('div:has([data-password-rule])')?.querySelectorAll('[data-password-rule]') ?? [];
    input.addEventListener('input', () => {
      for (const rule of rules) {
        if (!(rule instanceof HTMLElement)) continue;
        const measure = measures[rule.dataset.passwordRule ?? ''];
        const met = measure !== undefined && input.value.length > 0 && measure(input.value) >= Number(rule.dataset.min);
        rule.toggleAttribute('data-met', met);
      }
    });
  }

  let sent = false;
  for (const form of document.querySelectorAll('form')) {
    form.addEventListener('submit', (event) => {
      if (sent) event.preventDefault();
      sent = true;
      /** @type {SubmitEvent} */ (event).submitter?.setAttribute('aria-disabled', 'true');
    });
  }
  // Back to this page from the history cache: its forms may be sent again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    sent = false;
    for (const button of document.querySelectorAll('[aria-disabled="true"]')) button.removeAttribute('aria-disabled');
  });
})();
