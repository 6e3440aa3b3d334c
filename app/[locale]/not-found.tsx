import { NotFoundView } from '@/app/_components/not-found-view';

/**
 * For notFound() called by a localized page (a missing invitation, say). Unmatched
 * URLs are served by app/not-found.tsx instead.
 */
export default function NotFound() {
  return <NotFoundView />;
}
