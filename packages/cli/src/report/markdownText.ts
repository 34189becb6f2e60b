/**
 * Escapes text for Markdown: characters with a Markdown meaning are backslash-escaped and HTML's `<`, `>`, `&` become
 * entities, so a title can neither format the report nor smuggle HTML into whatever renders it. Line breaks become spaces
 * (a table cell must stay on one line).
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Parentheses need no escape: a link needs [ ] first, and those are escaped.
      .replace(/([\\`*_[\]#|~])/g, '\\$1')
  );
}
