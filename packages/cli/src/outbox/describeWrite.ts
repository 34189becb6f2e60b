import type { OutboxEntry, OutboxWrite } from '@tandem/graph';

/** One line naming a kept write for a person: what it does, to which item. */
export function describeWrite(write: OutboxWrite): string {
  if (write.op !== 'create') return `${write.op} ${write.kind} ${write.id}`;
  const value = write.value as unknown as Record<string, unknown>;
  if (write.kind === 'link') {
    const sha = typeof value.sha === 'string' ? ` ${value.sha.slice(0, 12)}` : '';
    return `create link to ${String(value.targetKey)}${sha} ${JSON.stringify(String(value.title ?? ''))}`;
  }
  const name = value.key ?? value.title ?? value.name ?? value.id;
  return `create ${write.kind} ${String(name)}`;
}

/** One line for an outbox entry: its number, the write, when it was kept, and the last error. */
export function describeEntry(entry: OutboxEntry): string {
  const tries = entry.attempts > 0 ? `, ${entry.attempts} attempt${entry.attempts === 1 ? '' : 's'}` : '';
  const error = entry.lastError ? `\n        last error: ${entry.lastError}` : '';
  return `  #${entry.seq}  ${describeWrite(entry.write)}  (kept ${entry.queuedAt}${tries})${error}`;
}
