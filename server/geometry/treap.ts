/**
 * A balanced ordered set (treap: a binary search tree kept balanced in expectation by random heap priorities),
 * for the sweep's status line. O(log n) expected per insert and remove; `at` lists the items at a probe
 * in O(log n + k). The order is given by `cmp`, which must be a strict total order on the
 * items held (0 only for the same item).
 */
interface Node<T> {
  item: T;
  pri: number;
  left: Node<T> | null;
  right: Node<T> | null;
}

export class Treap<T> {
  private root: Node<T> | null = null;
  private seed = 0x9e3779b9;
  size = 0;

  constructor(private readonly cmp: (a: T, b: T) => number) {}

  /** Deterministic priorities (xorshift32), so a run can be replayed. */
  private nextPriority(): number {
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed;
  }

  // split's two results (fields rather than a tuple per level: no garbage on the hot path)
  private splitLeft: Node<T> | null = null;
  private splitRight: Node<T> | null = null;

  /** Split into items ordered before `item` (splitLeft) and the rest (splitRight). */
  private split(node: Node<T> | null, item: T): void {
    if (!node) {
      this.splitLeft = this.splitRight = null;
      return;
    }
    if (this.cmp(node.item, item) < 0) {
      this.split(node.right, item);
      node.right = this.splitLeft;
      this.splitLeft = node;
    } else {
      this.split(node.left, item);
      node.left = this.splitRight;
      this.splitRight = node;
    }
  }

  private merge(a: Node<T> | null, b: Node<T> | null): Node<T> | null {
    if (!a) return b;
    if (!b) return a;
    if (a.pri > b.pri) {
      a.right = this.merge(a.right, b);
      return a;
    }
    b.left = this.merge(a, b.left);
    return b;
  }

  insert(item: T): void {
    const node: Node<T> = { item, pri: this.nextPriority(), left: null, right: null };
    // Descend while the new priority is lower, then split the subtree there (expected O(log n)).
    let parent: Node<T> | null = null;
    let cur = this.root;
    let wentLeft = false;
    while (cur && cur.pri > node.pri) {
      parent = cur;
      wentLeft = this.cmp(item, cur.item) < 0;
      cur = wentLeft ? cur.left : cur.right;
    }
    this.split(cur, item);
    node.left = this.splitLeft;
    node.right = this.splitRight;
    if (!parent) this.root = node;
    else if (wentLeft) parent.left = node;
    else parent.right = node;
    this.size++;
  }

  /** Remove `item` (found by the order); false when it is not held. */
  remove(item: T): boolean {
    let parent: Node<T> | null = null;
    let cur = this.root;
    while (cur) {
      const c = this.cmp(item, cur.item);
      if (c === 0) break;
      parent = cur;
      cur = c < 0 ? cur.left : cur.right;
    }
    if (!cur) return false;
    const joined = this.merge(cur.left, cur.right);
    if (!parent) this.root = joined;
    else if (parent.left === cur) parent.left = joined;
    else parent.right = joined;
    this.size--;
    return true;
  }

  /** The last item ranked before the probe (side(item) < 0 for items before it, 0 at it, > 0 after; monotone). */
  below(side: (item: T) => number): T | undefined {
    let found: T | undefined;
    for (let n = this.root; n;) {
      if (side(n.item) < 0) {
        found = n.item;
        n = n.right;
      } else n = n.left;
    }
    return found;
  }

  /** The first item ranked after the probe. */
  above(side: (item: T) => number): T | undefined {
    let found: T | undefined;
    for (let n = this.root; n;) {
      if (side(n.item) > 0) {
        found = n.item;
        n = n.left;
      } else n = n.right;
    }
    return found;
  }

  /** Appends the items ranked at the probe (side 0), in order, to `out`: O(log n + k). */
  at(side: (item: T) => number, out: T[]): T[] {
    this.collect(this.root, side, out);
    return out;
  }

  private collect(node: Node<T> | null, side: (item: T) => number, out: T[]): void {
    for (let n = node; n;) {
      const s = side(n.item);
      if (s < 0) n = n.right;
      else if (s > 0) n = n.left;
      else {
        this.collect(n.left, side, out);
        out.push(n.item);
        n = n.right;
      }
    }
  }

  /** Items in order (for tests). */
  toArray(): T[] {
    const out: T[] = [];
    const walk = (n: Node<T> | null) => {
      if (!n) return;
      walk(n.left);
      out.push(n.item);
      walk(n.right);
    };
    walk(this.root);
    return out;
  }
}
