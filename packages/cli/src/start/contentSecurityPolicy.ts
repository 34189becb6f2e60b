/**
 * The Content-Security-Policy of every page the app server sends: scripts only from the app's own files (no inline
 * script, no eval), data only from the same origin (Graph goes through the proxy), framed only by the app itself and the
 * Microsoft 365 hosts.
 */

/** Hosts allowed to frame the app: Teams, Outlook and Microsoft 365 on the web. */
export const frameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

/** The policy header value. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI writes style elements at run time (Griffel's rules, FluentProvider's theme variables); measured:
    // without 'unsafe-inline' the themes and layouts do not apply. Scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}
