import type { ReactNode } from 'react';
import './globals.css';

/**
 * Passes through: the <html> element comes from app/[locale]/layout.tsx, which knows
 * the language. This root exists so that app/not-found.tsx can serve unmatched URLs.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
