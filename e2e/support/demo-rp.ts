import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { authorizationRequest, redeem, relyingParty, type PendingAuthorization } from '../../tests/support/oidc/relying-party';

/**
 * A tiny web app that signs people in with Sesame the way any RP would, built only on
 * openid-client: /login redirects to Sesame, /callback redeems the code, /logout ends the
 * session with id_token_hint. Its pages say who is signed in, for the journeys to read.
 */
export interface DemoRp {
  origin: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** Called once the app is registered in Sesame (its redirect URIs need the port first). */
  connect(issuerBaseUrl: string, application: { id: string; secret?: string }): Promise<void>;
  close(): Promise<void>;
}

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo app</title></head><body><main>${body}</main></body></html>`;

export async function startDemoRp(): Promise<DemoRp> {
  let config: client.Configuration | undefined;
  const pending = new Map<string, PendingAuthorization>();
  let idToken: string | undefined;

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', rp.origin);
    const send = (status: number, html: string, location?: string) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...(location ? { location } : {}) });
      response.end(html);
    };
    try {
      if (!config) return send(503, page('<p>Not connected</p>'));
      if (url.pathname === '/login') {
        // Every query parameter of /login goes on to Sesame (ui_locales, first_screen, login_hint, prompt, ...).
        const authorization = await authorizationRequest(config, {
          redirectUri: rp.redirectUri,
          scope: 'openid profile',
          ...Object.fromEntries(url.searchParams),
        });
        pending.set(authorization.state, authorization);
        return send(302, '', authorization.url.toString());
      }
      if (url.pathname === '/callback') {
        const authorization = pending.get(url.searchParams.get('state') ?? '');
        if (!authorization) return send(400, page('<p>Unknown state</p>'));
        pending.delete(authorization.state);
        const tokens = await redeem(config, url, authorization);
        idToken = tokens.id_token;
        const claims = tokens.claims()!;
        const who = String(claims.name ?? claims.username ?? claims.sub);
        return send(200, page(`<h1>Signed in as ${who.replace(/[<>&"]/g, '')}</h1><a href="/logout">Sign out</a>`));
      }
      if (url.pathname === '/logout') {
        const end = client.buildEndSessionUrl(config, { id_token_hint: idToken ?? '', post_logout_redirect_uri: rp.postLogoutRedirectUri, state: 'bye' });
        return send(302, '', end.toString());
      }
      if (url.pathname === '/signed-out') return send(200, page(`<h1>Signed out of the demo app</h1><p>state=${url.searchParams.get('state')}</p>`));
      return send(404, page('<p>Not found</p>'));
    } catch (error) {
      return send(500, page(`<p>RP error: ${(error as Error).message.replace(/[<>&]/g, '')}</p>`));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const rp: DemoRp = {
    origin,
    redirectUri: `${origin}/callback`,
    postLogoutRedirectUri: `${origin}/signed-out`,
    connect: async (baseUrl, application) => {
      config = await relyingParty({ baseUrl }, application);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return rp;
}
