// The collections as a tree (main lists them flat, parents before children, in order).
import type { Collection } from '../../../shared/domain';

export interface CollectionNode {
  collection: Collection;
  depth: number;
  children: CollectionNode[];
}

export function buildTree(collections: readonly Collection[]): CollectionNode[] {
  const nodes = new Map<number, CollectionNode>();
  for (const collection of collections) nodes.set(collection.id, { collection, depth: 0, children: [] });
  const roots: CollectionNode[] = [];
  for (const collection of collections) {
    const node = nodes.get(collection.id)!;
    const parent = collection.parentId === null ? undefined : nodes.get(collection.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byPosition = (a: CollectionNode, b: CollectionNode) =>
    a.collection.position - b.collection.position ||
    a.collection.name.localeCompare(b.collection.name, undefined, { sensitivity: 'base' });
  const setDepth = (list: CollectionNode[], depth: number) => {
    list.sort(byPosition);
    for (const node of list) {
      node.depth = depth;
      setDepth(node.children, depth + 1);
    }
  };
  setDepth(roots, 0);
  return roots;
}

/** The rows a tree shows: nodes whose ancestors are all expanded, in display order. */
export function visibleNodes(
  roots: readonly CollectionNode[],
  expanded: ReadonlySet<number>,
): CollectionNode[] {
  const out: CollectionNode[] = [];
  const walk = (list: readonly CollectionNode[]) => {
    for (const node of list) {
      out.push(node);
      if (expanded.has(node.collection.id)) walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/** True when `id` is `ancestorId` or lies below it (a collection cannot move into itself). */
export function isWithin(collections: readonly Collection[], id: number, ancestorId: number): boolean {
  const parents = new Map(collections.map((c) => [c.id, c.parentId]));
  for (let current: number | null | undefined = id; current != null; current = parents.get(current)) {
    if (current === ancestorId) return true;
  }
  return false;
}

/** "Parent/Child" as the CLI names collections. */
export function collectionPath(collections: readonly Collection[], id: number): string {
  const byId = new Map(collections.map((c) => [c.id, c]));
  const names: string[] = [];
  for (
    let current = byId.get(id);
    current;
    current = current.parentId === null ? undefined : byId.get(current.parentId)
  )
    names.unshift(current.name.replace(/\//g, '\\/'));
  return names.join('/');
}

/** Ids of the ancestors of `id`, nearest first. */
export function ancestorsOf(collections: readonly Collection[], id: number): number[] {
  const parents = new Map(collections.map((c) => [c.id, c.parentId]));
  const out: number[] = [];
  for (let current = parents.get(id); current != null; current = parents.get(current)) out.push(current);
  return out;
}
