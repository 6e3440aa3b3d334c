import type { Browser, Hop } from '../oidc/browser';
import { formBody, readPage, type HtmlForm, type HtmlPage, type SubmitButton } from './html-forms';

/**
 * A browser with JavaScript off going through Sesame's pages: it posts their forms as a browser
 * does (same origin, urlencoded, the pressed button's name and value) and follows redirects
 * through the pages and /oidc until one leads out of Sesame (to the app's callback).
 *
 *   const visit = await PageVisit.start(browser, authorizationUrl); // on /sign-in
 *   await visit.submit(visit.page.forms[0]!, { identifier: 'ada' });
 *   visit.left; // the URL outside Sesame, once there
 */
export class PageVisit {
  private html = '';
  private parsed: HtmlPage | undefined;
  /** The page the browser shows. */
  url!: URL;
  /** Where the browser was sent when it left Sesame. */
  left: URL | undefined;

  private constructor(readonly browser: Browser) {}

  static async start(browser: Browser, url: URL | string): Promise<PageVisit> {
    const visit = new PageVisit(browser);
    await visit.arrive(await browser.navigate(url));
    return visit;
  }

  get page(): HtmlPage {
    this.parsed ??= readPage(this.html);
    return this.parsed;
  }

  /** Posts `form` with `fill` over its values, as if `button` (or the default button) were pressed. */
  async submit(form: HtmlForm, fill: Record<string, string> = {}, button?: SubmitButton): Promise<void> {
    if (form.method !== 'post') throw new Error(`${this.url}: the form is not a POST form`);
    const target = new URL(form.action ?? '', this.url);
    const response = await this.browser.fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.browser.origin },
      body: formBody(form, fill, button).toString(),
    });
    await this.arrive({ response, url: target });
  }

  private async arrive(hop: Hop): Promise<void> {
    for (let redirects = 0; redirects < 10; redirects++) {
      const { response, url } = hop;
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, url);
        if (next.origin !== this.browser.origin) {
          this.left = next;
          return;
        }
        hop = await this.browser.navigate(next);
        continue;
      }
      if (response.status !== 200) throw new Error(`${url.pathname}: ${response.status} ${(await response.text()).slice(0, 500)}`);
      this.url = url;
      this.html = await response.text();
      this.parsed = undefined;
      return;
    }
    throw new Error(`more than 10 redirects after ${hop.url}`);
  }
}
