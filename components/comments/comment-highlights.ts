// Shows comment passages in a Tiptap body as decorations (never stored in the document): the
// passage highlighted, and a marker beside its paragraph that opens the thread. The passages are
// re-found from their anchors after every change (lib/comments/anchor.ts), so typing around them
// moves the highlight and deleting the quote orphans the comment.
import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { locatePassage, type AnchorBlock, type CommentAnchor, type LocatedPassage } from "@/lib/comments/anchor";

export type HighlightThread = { id: string; anchor: CommentAnchor };

type PluginState = { threads: HighlightThread[]; active: string | null; decorations: DecorationSet; located: Map<string, LocatedPassage> };

export const commentHighlightsKey = new PluginKey<PluginState>("commentHighlights");

/** The body's top-level blocks with their ids and text, as anchors count offsets. */
export function blocksOf(doc: ProseMirrorNode): (AnchorBlock & { pos: number; node: ProseMirrorNode })[] {
  const blocks: (AnchorBlock & { pos: number; node: ProseMirrorNode })[] = [];
  doc.forEach((node, pos) => {
    const blockId = node.attrs.blockId as string | null | undefined;
    if (blockId) blocks.push({ blockId, text: node.textContent, pos, node });
  });
  return blocks;
}

/** The document position of a text offset inside a block (counting text only, as textContent does). */
function positionAt(node: ProseMirrorNode, blockPos: number, offset: number, end: boolean): number | null {
  let seen = 0;
  let found: number | null = null;
  node.descendants((child, childPos) => {
    if (found !== null) return false;
    if (!child.isText) return true;
    const length = child.text?.length ?? 0;
    // An end offset at a node's end stays in that node; a start offset there moves to the next one.
    if (offset < seen + length || (end && offset === seen + length)) found = blockPos + 1 + childPos + (offset - seen);
    seen += length;
    return false;
  });
  return found;
}

/** The document range of a located passage, or null when the block changed shape under it. */
export function rangeOf(doc: ProseMirrorNode, passage: LocatedPassage): { from: number; to: number } | null {
  const block = blocksOf(doc).find((candidate) => candidate.blockId === passage.blockId);
  if (!block) return null;
  const from = positionAt(block.node, block.pos, passage.from, false);
  const to = positionAt(block.node, block.pos, passage.to, true);
  return from !== null && to !== null && to > from ? { from, to } : null;
}

/** The anchor of the current selection (within one block), or null when there is nothing to comment on. */
export function selectionAnchor(state: EditorState): CommentAnchor | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const block = blocksOf(state.doc).find((candidate) => from >= candidate.pos && to <= candidate.pos + candidate.node.nodeSize);
  if (!block) return null;
  const textBefore = (pos: number) => state.doc.textBetween(block.pos, pos, "");
  const raw = state.doc.textBetween(from, to, "");
  // Spaces at either end are not part of the passage: offsets move past them.
  const lead = raw.length - raw.trimStart().length;
  const quote = raw.trim().slice(0, 500);
  if (!quote) return null;
  const start = textBefore(from).length + lead;
  return { blockId: block.blockId, from: start, to: start + quote.length, quote };
}

function build(
  doc: ProseMirrorNode,
  threads: HighlightThread[],
  active: string | null,
  onOpen: (id: string) => void,
  markerLabel: (count: number) => string,
) {
  const decorations: Decoration[] = [];
  const located = new Map<string, LocatedPassage>();
  const perBlock = new Map<string, string[]>();
  const blocks = blocksOf(doc);
  for (const thread of threads) {
    const passage = locatePassage(blocks, thread.anchor);
    const range = passage ? rangeOf(doc, passage) : null;
    if (!passage || !range) continue;
    located.set(thread.id, passage);
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: thread.id === active ? "comment-highlight comment-highlight-active" : "comment-highlight",
        "data-comment-id": thread.id,
      }),
    );
    perBlock.set(passage.blockId, [...(perBlock.get(passage.blockId) ?? []), thread.id]);
  }
  for (const block of blocks) {
    const ids = perBlock.get(block.blockId);
    if (!ids) continue;
    decorations.push(
      Decoration.widget(
        block.pos,
        () => {
          const marker = document.createElement("button");
          marker.type = "button";
          marker.contentEditable = "false";
          marker.className = "comment-marker";
          marker.dataset.testid = "comment-marker";
          marker.setAttribute("aria-label", markerLabel(ids.length));
          marker.title = markerLabel(ids.length);
          marker.textContent = String(ids.length);
          marker.addEventListener("click", (event) => {
            event.preventDefault();
            onOpen(ids[0]!);
          });
          return marker;
        },
        { side: -1, key: `marker-${block.blockId}-${ids.join(",")}`, ignoreSelection: true, stopEvent: () => true },
      ),
    );
  }
  return { decorations: DecorationSet.create(doc, decorations), located };
}

type Options = {
  onOpen: (threadId: string) => void;
  /** Told which threads were found after each change; the others are orphans. */
  onLocated: (located: Map<string, LocatedPassage>) => void;
  markerLabel: (count: number) => string;
};

function samePassages(next: ReadonlyMap<string, LocatedPassage>, previous: ReadonlyMap<string, LocatedPassage> | null): boolean {
  if (!previous || previous.size !== next.size) return false;
  for (const [id, passage] of next) {
    const before = previous.get(id);
    if (!before || before.blockId !== passage.blockId || before.from !== passage.from || before.to !== passage.to) return false;
  }
  return true;
}

export const CommentHighlights = Extension.create<Options>({
  name: "commentHighlights",
  addOptions() {
    return { onOpen: () => {}, onLocated: () => {}, markerLabel: (count) => String(count) };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<PluginState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ threads: [], active: null, decorations: DecorationSet.empty, located: new Map() }),
          apply(transaction, previous, _old, state) {
            const meta = transaction.getMeta(commentHighlightsKey) as { threads?: HighlightThread[]; active?: string | null } | undefined;
            if (!meta && !transaction.docChanged) return previous;
            const threads = meta?.threads ?? previous.threads;
            const active = meta && "active" in meta ? (meta.active ?? null) : previous.active;
            return { threads, active, ...build(state.doc, threads, active, options.onOpen, options.markerLabel) };
          },
        },
        view: () => {
          let last: Map<string, LocatedPassage> | null = null;
          return {
            update: (view) => {
              const located = commentHighlightsKey.getState(view.state)?.located ?? null;
              // Told only when a passage moved, appeared or was lost: typing elsewhere (or in an
              // article without comments) does not re-render the editor around it.
              if (located && !samePassages(located, last)) {
                last = located;
                options.onLocated(located);
              }
            },
          };
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
