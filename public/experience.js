// @ts-check
/*
 * The sign-in experience pages' only script, a progressive enhancement: every page works without
 * it (plain forms answered by the server). Loaded with `defer` from pages/_document.tsx.
 *  - Password fields: reveals the show/hide toggle the server renders hidden.
 *  - New passwords: ticks each listed rule (`data-password-rule`) as it is met.
 *  - Code pages: "Send a new code" counts down the seconds the server gave it (`data-resend-in`)
 *    and does nothing until then; the server would refuse a resend before that anyway.
 *  - Forms: the pressed button shows a spinner (`data-pending`), and a second press while the
 *    first post is on its way does nothing (no double submits).
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

  for (const button of document.querySelectorAll('button[data-resend-in]')) {
    if (!(button instanceof HTMLButtonElement)) continue;
    const label = button.textContent ?? '';
    const countdownLabel = button.dataset.countdownLabel ?? label;
    const until = Date.now() + Number(button.dataset.resendIn) * 1000;
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left > 0) {
        button.textContent = countdownLabel.replace('{time}', `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`);
        return;
      }
      clearInterval(timer);
      button.textContent = label;
      button.removeAttribute('data-counting');
      button.removeAttribute('aria-disabled');
    };
    button.toggleAttribute('data-counting', true);
    button.setAttribute('aria-disabled', 'true');
    const timer = setInterval(tick, 1000);
    tick();
    button.addEventListener('click', (event) => {
      if (button.hasAttribute('data-counting')) event.preventDefault();
    });
  }

  let sent = false;
  for (const form of document.querySelectorAll('form')) {
    form.addEventListener('submit', (event) => {
      if (sent) event.preventDefault();
      sent = true;
      const submitter = /** @type {SubmitEvent} */ (event).submitter;
      submitter?.setAttribute('aria-disabled', 'true');
      submitter?.toggleAttribute('data-pending', true);
    });
  }
  // Back to this page from the history cache: its forms may be sent again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    sent = false;
    for (const button of document.querySelectorAll('[data-pending]')) {
      button.removeAttribute('data-pending');
      button.removeAttribute('aria-disabled');
    }
  });
})();
