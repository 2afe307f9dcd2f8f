export interface Condensation {
  /** The component each node belongs to. */
  readonly componentOf: Int32Array;
  /**
   * The nodes of each component, in reverse topological order: every component reachable from
   * component `c` comes before `c`.
   */
  readonly components: readonly (readonly number[])[];
}

/**
 * Tarjan's algorithm, iterative so that long nesting chains cannot overflow the call stack.
 * O(nodes + edges).
 */
export function stronglyConnectedComponents(
  successors: readonly (readonly number[])[],
): Condensation {
  const nodeCount = successors.length;
  const discovery = new Int32Array(nodeCount).fill(-1);
  const lowLink = new Int32Array(nodeCount);
  const nextEdge = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const componentOf = new Int32Array(nodeCount).fill(-1);
  const components: number[][] = [];
  const open: number[] = [];
  const path: number[] = [];
  let counter = 0;

  const enter = (node: number): void => {
    discovery[node] = counter;
    lowLink[node] = counter;
    counter += 1;
    open.push(node);
    onStack[node] = 1;
    path.push(node);
  };

  for (let root = 0; root < nodeCount; root += 1) {
    if (discovery[root] !== -1) {
      continue;
    }
    enter(root);
    while (path.length > 0) {
      const node = path[path.length - 1] as number;
      const edges = successors[node] as readonly number[];
      const edge = nextEdge[node] as number;
      if (edge < edges.length) {
        nextEdge[node] = edge + 1;
        const next = edges[edge] as number;
        if (discovery[next] === -1) {
          enter(next);
        } else if (onStack[next] === 1) {
          lowLink[node] = Math.min(lowLink[node] as number, discovery[next] as number);
        }
        continue;
      }
      path.pop();
      const parent = path[path.length - 1];
      if (parent !== undefined) {
        lowLink[parent] = Math.min(lowLink[parent] as number, lowLink[node] as number);
      }
      if (lowLink[node] === discovery[node]) {
        const component: number[] = [];
        const id = components.length;
        let member: number;
        do {
          member = open.pop() as number;
          onStack[member] = 0;
          componentOf[member] = id;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return { componentOf, components };
}
