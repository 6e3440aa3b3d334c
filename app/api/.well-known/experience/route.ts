/** GET /api/.well-known/experience[?appId=] — Logto's newer name for the same public document. */
export { GET } from '../sign-in-exp/route';
