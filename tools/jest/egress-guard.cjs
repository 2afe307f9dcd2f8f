// Loaded before every test file (jest.preset.cjs `setupFiles`): refuses any TCP connection that is
// not to the loopback interface, so a wrong option can never send a test's request to a real
// directory, cloud or Bitwarden server. It sits under every client (undici's fetch, node:https,
// node-fetch, ldapts, dbus-next) and fails before any DNS lookup. Unix sockets are let through.
const net = require('node:net');

const GUARD = Symbol.for('bwdc.egressGuard');

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost: every other host is off limits. */
function isLoopback(host) {
  if (host === undefined || host === null || host === '' || host === 'localhost') {
    return true;
  }
  const bare = String(host)
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return bare === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(bare);
}

function targetOf(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') {
    return { path: first.path, host: first.host };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) {
    return { path: first, host: undefined };
  }
  return { path: undefined, host: typeof args[1] === 'string' ? args[1] : undefined };
}

if (!net.Socket.prototype[GUARD]) {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const target = targetOf(args);
    if (target.path === undefined && !isLoopback(target.host)) {
      throw new Error(
        `Test egress guard: a connection to ${target.host} was refused; tests reach loopback only.`,
      );
    }
    return connect.apply(this, args);
  };
  net.Socket.prototype[GUARD] = true;
}

module.exports = { isLoopback };
