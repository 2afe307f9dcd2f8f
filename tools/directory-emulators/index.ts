export { createTestCertificates, type TestCertificates } from './tls/test-certificates';
export * from './entra';
export * from './google';
export * from './okta';
export * from './onelogin';
