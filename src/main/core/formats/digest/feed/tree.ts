// Queries over the XML tree: children by namespace and local name, text content. All
// iterative, so a deep or wide document costs time in proportion to its size, never stack.
import type { XmlElement, XmlNode } from './xml';

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}

export function is(element: XmlElement, namespaces: readonly string[], local: string): boolean {
  return element.local === local && namespaces.includes(element.ns);
}

export function childrenNamed(
  element: XmlElement,
  namespaces: readonly string[],
  local: string,
): XmlElement[] {
  return element.children.filter(
    (node): node is XmlElement => isElement(node) && is(node, namespaces, local),
  );
}

export function childNamed(
  element: XmlElement,
  namespaces: readonly string[],
  local: string,
): XmlElement | undefined {
  return element.children.find((node): node is XmlElement => isElement(node) && is(node, namespaces, local));
}

/** All text inside an element, in document order. */
export function textOf(element: XmlElement): string {
  const pieces: string[] = [];
  const stack: XmlNode[][] = [element.children];
  const positions: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const nodes = stack[top]!;
    const index = positions[top]!;
    if (index >= nodes.length) {
      stack.pop();
      positions.pop();
      continue;
    }
    positions[top] = index + 1;
    const node = nodes[index]!;
    if (isElement(node)) {
      stack.push(node.children);
      positions.push(0);
    } else {
      pieces.push(node);
    }
  }
  return pieces.join('');
}

/** Text of the first matching child, whitespace collapsed; undefined when empty or absent. */
export function childText(
  element: XmlElement,
  namespaces: readonly string[],
  local: string,
): string | undefined {
  const child = childNamed(element, namespaces, local);
  if (!child) return undefined;
  const text = textOf(child).replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** Descendants with the given name, in document order, not looking inside matches. */
export function descendantsNamed(
  root: XmlElement,
  namespaces: readonly string[],
  local: string,
): XmlElement[] {
  const found: XmlElement[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element !== root && is(element, namespaces, local)) {
      found.push(element);
      continue;
    }
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i]!;
      if (isElement(child)) stack.push(child);
    }
  }
  return found;
}
