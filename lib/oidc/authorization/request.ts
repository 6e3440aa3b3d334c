import type { Client } from '../clients';

export type ResponseMode = 'query' | 'form_post';

/** A validated authorization request (OIDC Core §3.1.2.1), as the rest of the flow sees it. */
export interface AuthorizationRequest {
  client: Client;
  redirectUri: string;
  responseMode: ResponseMode;
  state?: string;
  nonce?: string;
  scopes: string[];
  resources: string[];
  codeChallenge?: string;
  prompt: Set<string>;
  maxAge?: number;
  /** The subject of a valid `id_token_hint`: the user the client expects to be signed in. */
  hintedSubject?: string;
  /** The raw parameters, kept in the interaction so the flow can resume after sign-in. */
  params: Record<string, string>;
}
