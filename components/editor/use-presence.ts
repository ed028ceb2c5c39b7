"use client";
// The presence heartbeat: every 20 seconds the editor tells the server this person has the version
// open (a row in PostgreSQL, so every app server agrees) and learns who else was seen lately.
import { useEffect, useState } from "react";
import { initialActionState } from "@/lib/action-state";
import { recordPresence } from "@/lib/editing/actions";

export const HEARTBEAT_MS = 20_000;
type Person = { id: string; name: string };

export function usePresence(versionId: string, initial: Person[]): Person[] {
  const [others, setOthers] = useState(initial);
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const form = new FormData();
      form.set("versionId", versionId);
      try {
        const result = await recordPresence(initialActionState, form);
        const people = (result.data as { others?: Person[] } | undefined)?.others;
        if (!stopped && result.ok && people) setOthers(people);
      } catch {
        // A missed heartbeat only makes the list a little older; the next one catches up.
      }
    };
    void beat();
    const interval = setInterval(() => void beat(), HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearInterval(interval);
    };
  }, [versionId]);
  return others;
}
