import type { ReactNode } from 'react';
import type { CodePageProps } from '../server/code-page';
import { CodeStep } from './code-step';
import { ExperienceFrame } from './experience-frame';
import { ExpiredView } from './expired-view';

/** Every flow's verification-code page (see server/code-page.ts): its title, the code forms, and the flow's links under them. */
export function CodeScreen({ page, title, children }: { page: CodePageProps; title: string; children?: ReactNode }) {
  if ('expired' in page) return <ExpiredView frame={page.expired} />;
  return (
    <ExperienceFrame metaTitle={title} frame={page.screen} title={title} logoAlt={page.screen.applicationName}>
      <CodeStep {...page.code} />
      {children}
    </ExperienceFrame>
  );
}
