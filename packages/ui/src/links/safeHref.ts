/**
 * The address to put in an `href`, or undefined when the text is not an absolute http(s) URL.
 * Data comes from many hands (commit messages, email subjects, list items): a `javascript:`, `data:` or
 * relative URL must never become a live link, so anything else renders as plain text.
 */
export function safeHref(url: string | undefined | null): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  // Browsers strip control characters and whitespace inside schemes ("java\tscript:"); refuse them rather than guess.
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || /[\u0000-\u001f\u007f\s]/.test(trimmed)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch (error) {
    if (error instanceof TypeError) return undefined; // not a URL at all: shown as text
    throw error;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href;
}
