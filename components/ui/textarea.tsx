// The textarea lives beside the input (one field style); this path keeps the shadcn/ui file layout.
export { Textarea } from "@/components/ui/input";
