import { ExperienceLink } from './experience-link';
import { linkClassName } from './secondary-links';

/** "No account? Create an account" / "Already have an account? Sign in": a question and the link that answers it. */
export function OfferLink({ question, href, label }: { question: string; href: string; label: string }) {
  return (
    <p>
      {question}{' '}
      <ExperienceLink href={href} className={linkClassName}>
        {label}
      </ExperienceLink>
    </p>
  );
}
