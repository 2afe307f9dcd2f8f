import { once } from 'node:events';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:tls';

import { createTestCertificates } from './test-certificates';

describe('createTestCertificates', () => {
  it('gives a server certificate that a client trusting only the CA accepts for 127.0.0.1 and localhost', async () => {
    const { caPem, certPem, keyPem } = await createTestCertificates();
    const server = createServer({ cert: certPem, key: keyPem }, (_request, response) =>
      response.end('ok'),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const handshake = (servername: string, ca?: string) =>
      new Promise<string>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port, servername, ...(ca ? { ca } : {}) });
        socket.once('secureConnect', () => {
          socket.end();
          resolve('trusted');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });

    try {
      expect(await handshake('localhost', caPem)).toBe('trusted');
      expect(await handshake('127.0.0.1', caPem)).toBe('trusted');
      expect(await handshake('localhost')).not.toBe('trusted');
    } finally {
      server.close();
    }
  });
});
