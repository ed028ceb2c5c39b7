"use client";
// The newest version number this tab has seen of each language version. The editor reports what its
// saves return; the workflow panel's forms send the newest, so a transition pressed right after a
// save never carries the number from before it (the panel's server render catches up later).
import { useSyncExternalStore } from "react";

const newest = new Map<string, number>();
const listeners = new Set<() => void>();

/** Versions only grow: an older report (a late render, a slow response) changes nothing. */
export function reportVersion(versionId: string, version: number): void {
  if ((newest.get(versionId) ?? -Infinity) >= version) return;
  newest.set(versionId, version);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The newer of the version the server rendered and the newest one saved in this tab. */
export function useNewestVersion(versionId: string, rendered: number): number {
  const seen = useSyncExternalStore(
    subscribe,
    () => newest.get(versionId),
    () => undefined,
  );
  return Math.max(rendered, seen ?? rendered);
}
