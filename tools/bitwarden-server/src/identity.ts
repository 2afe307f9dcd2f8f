import { randomUUID } from 'node:crypto';

import { signJwt } from './jwt';
import { isGuid } from './seed';
import type { ServerState } from './state';

export const ORGANIZATION_SCOPE = 'api.organization';

export interface TokenContext {
  state: ServerState;
  secret: Buffer;
  issuer: string;
  lifetimeSeconds: number;
  nowSeconds: number;
}

export interface TokenResult {
  status: number;
  body: Record<string, unknown>;
}

function tokenError(error: string): TokenResult {
  return { status: 400, body: { error } };
}

export function isFormContentType(contentType: string | undefined): boolean {
  return (
    (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded'
  );
}

/**
 * `POST /connect/token` as Duende IdentityServer answers it for an organization API key: client
 * authentication first, then the grant type, then the scope. Device fields are never looked at.
 */
export function issueToken(form: URLSearchParams, context: TokenContext): TokenResult {
  const clientId = form.get('client_id') ?? '';
  const clientSecret = form.get('client_secret') ?? '';
  const prefix = 'organization.';
  if (!clientId.startsWith(prefix) || clientSecret === '') {
    return tokenError('invalid_client');
  }
  const organizationId = clientId.slice(prefix.length);
  if (!isGuid(organizationId)) {
    return tokenError('invalid_client');
  }
  const organization = context.state.find(organizationId);
  if (
    organization === undefined ||
    !organization.enabled ||
    !organization.useApi ||
    organization.apiKey !== clientSecret
  ) {
    return tokenError('invalid_client');
  }
  if (form.get('grant_type') !== 'client_credentials') {
    return tokenError('unsupported_grant_type');
  }
  // The org client allows exactly one scope, so anything else that is asked for is refused.
  const scopes = (form.get('scope') ?? '').split(' ').filter((scope) => scope !== '');
  if (scopes.length === 0 || scopes.some((scope) => scope !== ORGANIZATION_SCOPE)) {
    return tokenError('invalid_scope');
  }
  const iat = context.nowSeconds;
  const accessToken = signJwt(
    {
      iss: context.issuer,
      nbf: iat,
      iat,
      exp: iat + context.lifetimeSeconds,
      scope: [ORGANIZATION_SCOPE],
      client_id: `${prefix}${organization.id}`,
      client_sub: organization.id,
      client_type: 'Organization',
      jti: randomUUID().replaceAll('-', '').toUpperCase(),
    },
    context.secret,
  );
  return {
    status: 200,
    body: {
      access_token: accessToken,
      expires_in: context.lifetimeSeconds,
      token_type: 'Bearer',
      scope: ORGANIZATION_SCOPE,
    },
  };
}
