// Joins class names and lets a later Tailwind class win over an earlier one (a caller's className
// overrides a component's default), the shadcn/ui convention.
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
