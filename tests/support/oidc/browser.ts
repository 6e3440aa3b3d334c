/**
 * A minimal browser for protocol tests: a cookie jar for one origin and fetch() with
 * manual redirects, so each hop of an OIDC flow can be looked at. Cookies follow the
 * server's Set-Cookie headers (Max-Age=0 deletes); attributes other than Max-Age are
 * not needed on http://localhost.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();
  /** Every Set-Cookie header our origin sent, in order, attributes included. */
  readonly setCookieHeaders: string[] = [];

  constructor(readonly origin: string) {}

  /** The value of one cookie, or undefined. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  /** Another browser with a copy of this one's cookies (a stolen cookie jar, a second tab). */
  clone(): Browser {
    const copy = new Browser(this.origin);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  /** One request, redirects not followed; cookies sent only to our own origin. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    if (target.origin === this.origin && this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    if (target.origin === this.origin) this.store(response);
    return response;
  }

  /** A JSON call from Sesame's own pages: same-origin, as the Experience API requires. */
  async json(method: string, path: string, body?: unknown): Promise<Response> {
    return this.fetch(new URL(path, this.origin), {
      method,
      headers: { 'content-type': 'application/json', origin: this.origin, accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /**
   * GETs `url` and follows redirects while they stay inside Sesame's protocol endpoints
   * (/oidc/...). Stops at the first response that is not such a redirect: a redirect to
   * the client or to one of Sesame's pages, or a page itself (form_post, errors).
   */
  async navigate(url: string | URL): Promise<Hop> {
    let current = new URL(url);
    for (let hops = 0; hops < 10; hops++) {
      const response = await this.fetch(current);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, current);
        if (next.origin === this.origin && next.pathname.startsWith('/oidc/')) {
          current = next;
          continue;
        }
        return { response, url: current, location: next };
      }
      return { response, url: current };
    }
    throw new Error(`More than 10 redirects inside /oidc starting from ${url}`);
  }

  private store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      this.setCookieHeaders.push(header);
      const [pair, ...attributes] = header.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const maxAge = attributes.map((a) => a.trim()).find((a) => /^max-age=/i.test(a));
      if (value === '' || (maxAge && Number(maxAge.split('=')[1]) <= 0)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** Where a navigation stopped: the last response, its URL, and where it pointed if it was a redirect. */
export interface Hop {
  response: Response;
  url: URL;
  location?: URL;
}
