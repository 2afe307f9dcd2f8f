import { connect } from 'node:net';

/**
 * The guard every test file loads (tools/jest/egress-guard.cjs through jest.preset.cjs): a
 * connection to anything but loopback fails at once, before any DNS lookup or packet.
 */
describe('the test egress guard', () => {
  it.each([
    ['a public address', { host: '1.1.1.1', port: 443 }],
    ['a host name', { host: 'graph.microsoft.com', port: 443 }],
    ['a private address', { host: '10.0.0.1', port: 389 }],
  ])('refuses %s', (_what, target) => {
    expect(() => connect(target)).toThrow(/Test egress guard: a connection to .* was refused/);
  });

  it.each(['127.0.0.1', '127.5.6.7', 'localhost', '::1'])('lets %s through', async (host) => {
    const socket = connect({ host, port: 9 });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      socket.once('connect', () => resolve('connected'));
    });
    socket.destroy();

    expect(outcome).not.toMatch(/guard/i);
  });

  it('refuses fetch to the outside world before any request leaves', async () => {
    const failure = (await fetch('https://example.com/').catch((error: unknown) => error)) as Error;

    expect(String(failure.cause)).toMatch(/Test egress guard/);
  });
});
