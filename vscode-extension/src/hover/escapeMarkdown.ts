/** Characters that Markdown would read as formatting: user text is escaped before it goes into a card. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}
