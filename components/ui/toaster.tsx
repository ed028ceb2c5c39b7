"use client";
// The desk's toasts (sonner), coloured by the design tokens so they follow light and dark. Toasts
// add to the inline aria-live messages; they never replace them.
import { Toaster as Sonner } from "sonner";
import type { CSSProperties } from "react";

const tokens = {
  "--normal-bg": "var(--surface)",
  "--normal-text": "var(--ink)",
  "--normal-border": "var(--line)",
} as CSSProperties;

export function Toaster() {
  return <Sonner position="bottom-right" closeButton style={tokens} />;
}
