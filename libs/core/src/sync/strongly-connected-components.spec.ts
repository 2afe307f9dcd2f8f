import { stronglyConnectedComponents } from './strongly-connected-components';

describe('stronglyConnectedComponents', () => {
  it('puts each cycle in one component and orders components sinks first', () => {
    // 0 -> 1 <-> 2 -> 3, 4 alone
    const { componentOf, components } = stronglyConnectedComponents([[1], [2], [1, 3], [], []]);

    expect(componentOf[1]).toBe(componentOf[2]);
    expect(new Set(componentOf).size).toBe(4);
    const position = (node: number) => componentOf[node] as number;
    expect(position(3)).toBeLessThan(position(1));
    expect(position(1)).toBeLessThan(position(0));
    expect(components.flat().sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('handles an empty graph', () => {
    expect(stronglyConnectedComponents([]).components).toEqual([]);
  });
});
