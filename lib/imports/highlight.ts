// Splits the raw text of an import into plain runs and runs that a cleaning change touched, so the
// review screen can mark each change where it stood in the original.
export type Segment = { text: string; changeId?: string };

export function highlightChanges(raw: string, changes: readonly { id: string; before: string }[]): Segment[] {
  const spans: { start: number; end: number; changeId: string }[] = [];
  const taken = (start: number, end: number) => spans.some((span) => start < span.end && span.start < end);
  for (const change of changes) {
    const needle = change.before.trim();
    if (!needle) continue;
    let from = 0;
    // The n-th identical change marks the n-th free occurrence.
    while (from <= raw.length) {
      const start = raw.indexOf(needle, from);
      if (start < 0) break;
      const end = start + needle.length;
      if (!taken(start, end)) {
        spans.push({ start, end, changeId: change.id });
        break;
      }
      from = start + 1;
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.start > cursor) segments.push({ text: raw.slice(cursor, span.start) });
    segments.push({ text: raw.slice(span.start, span.end), changeId: span.changeId });
    cursor = span.end;
  }
  if (cursor < raw.length) segments.push({ text: raw.slice(cursor) });
  return segments;
}
