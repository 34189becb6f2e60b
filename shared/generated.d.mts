/** `source` as the formatter writes it into `file` (what a generated file must hold; the tests compare with it). */
export function formatGenerated(file: string, source: string): Promise<string>;
/** Writes `source`, formatted, into `file` unless the file holds it already; says which. */
export function writeGenerated(file: string, source: string): Promise<void>;
/** What the generated `file` holds, and what it must hold (`source` as the formatter writes it): a test compares them. */
export function generatedAndExpected(file: string, source: string): Promise<[string, string]>;
