import type { EntityKind, EntityOf } from '@tandem/core';
import type { EntitySink } from './entitySink.js';
import type { EntityRow } from './entityRows.js';
import type { RowIssue } from './rowIssue.js';

/** What {@link importEntities} needs. */
export interface ImportOptions<K extends EntityKind> {
  kind: K;
  /** Opens the rows afresh: called once to validate and once more to write, so the file is never held in memory. */
  openRows: () => AsyncIterable<EntityRow<K>>;
  sink: EntitySink<K>;
  /** Import the valid rows and report the rest, instead of all or nothing. Default false. */
  partial?: boolean;
  /** Entities written per sink call. Default 20 (one Graph `$batch`). */
  batchSize?: number;
  /** Sink calls in flight at once. Default 2. */
  concurrency?: number;
  /** At most this many issues are kept for the report (all are counted). Default 1000. */
  maxIssues?: number;
  /** Called as rows are validated and written. */
  onProgress?: (progress: ImportProgress) => void;
}

/** Where an import is. */
export interface ImportProgress {
  phase: 'validating' | 'writing';
  rows: number;
  /** Rows to write (known once validation is over). */
  total?: number;
}

/** The outcome of an import. */
export interface ImportReport {
  kind: EntityKind;
  /** Data rows read. */
  rows: number;
  /** Rows refused (their issues are in `issues`). */
  rejected: number;
  created: number;
  updated: number;
  /** Valid rows equal to what was stored already. */
  unchanged: number;
  /** Whether anything was written: false when all-or-nothing found a problem. */
  written: boolean;
  issues: RowIssue[];
  /** Issues beyond `maxIssues`, counted but not kept. */
  moreIssues: number;
}

/** The identity a re-import updates by: the key of a keyed entity, else its id. */
function identityOf(entity: unknown): string {
  const value = entity as { id: string; key?: string };
  return value.key ?? value.id;
}

/**
 * Imports rows of one kind in two passes over the source: first every row is validated and checked for repeated keys
 * (so all-or-nothing writes nothing when any row is wrong), then the valid rows are written in batches. Only the set of
 * keys seen is held in memory, never the rows.
 */
export async function importEntities<K extends EntityKind>(options: ImportOptions<K>): Promise<ImportReport> {
  const maxIssues = options.maxIssues ?? 1000;
  const batchSize = options.batchSize ?? 20;
  const concurrency = options.concurrency ?? 2;
  const report: ImportReport = {
    kind: options.kind,
    rows: 0,
    rejected: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    written: false,
    issues: [],
    moreIssues: 0,
  };
  const addIssues = (issues: RowIssue[]): void => {
    for (const issue of issues) {
      if (report.issues.length < maxIssues) report.issues.push(issue);
      else report.moreIssues++;
    }
  };

  // Pass 1: validate everything; note which rows to skip when partial.
  const firstRowOf = new Map<string, number>();
  const rejectedRows = new Set<number>();
  let unreadable = false;
  for await (const row of options.openRows()) {
    if (row.issues) {
      addIssues(row.issues);
      if (row.fatal) {
        unreadable = true;
        break;
      }
      rejectedRows.add(row.row);
    } else {
      const identity = identityOf(row.entity);
      const first = firstRowOf.get(identity);
      if (first !== undefined) {
        addIssues([
          {
            row: row.row,
            field: (row.entity as { key?: string }).key !== undefined ? 'key' : 'id',
            message: `${identity} already appears in row ${first}`,
          },
        ]);
        rejectedRows.add(row.row);
      } else firstRowOf.set(identity, row.row);
    }
    report.rows++;
    if (report.rows % 1000 === 0) options.onProgress?.({ phase: 'validating', rows: report.rows });
  }
  report.rejected = rejectedRows.size;
  if (unreadable || (rejectedRows.size > 0 && !options.partial)) return report;

  // Pass 2: write the valid rows in batches, a few in flight so the client's work overlaps the server's.
  // No two rows share a key (pass 1 refused that), so batches in flight never touch the same item.
  const total = report.rows - report.rejected;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let batch: EntityOf<K>[] = [];
  let done = 0;
  const send = (entities: EntityOf<K>[]): Promise<void> => {
    const write = options.sink.write(entities).then(
      (counts) => {
        report.created += counts.created;
        report.updated += counts.updated;
        report.unchanged += counts.unchanged;
        done += entities.length;
        options.onProgress?.({ phase: 'writing', rows: done, total });
      },
      (error: unknown) => {
        failure ??= error;
      },
    );
    const tracked = write.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  };
  report.written = true;
  for await (const row of options.openRows()) {
    if (failure !== undefined) break;
    if (!row.entity || rejectedRows.has(row.row)) continue;
    batch.push(row.entity);
    if (batch.length >= batchSize) {
      void send(batch);
      batch = [];
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
  }
  if (batch.length > 0 && failure === undefined) void send(batch);
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return report;
}
