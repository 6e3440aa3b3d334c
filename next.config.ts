import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Native and WebAssembly packages stay outside the bundle and load from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'argon2', 'pg', '@neondatabase/serverless', 'ws'],
  // Migrations are read from disk at run time (first request of a fresh deployment).
  outputFileTracingIncludes: { '/**': ['./db/migrations/**/*'] },
  poweredByHeader: false,
  // Bundled for the Pages Router too (the experience pages): its ESM imports 'next/navigation' without an extension, which Node cannot load unbundled.
  transpilePackages: ['next-intl'],
  async headers() {
    return [
      {
        // Every path, as '/:path*' would match, but without a named parameter: Next compiles each
        // header key and value against the route's named parameters on every request that has any.
        source: '/(.*)',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
