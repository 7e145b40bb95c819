import type { Shape } from './payload-schema.ts';
import { CREATE_RESOURCE_SERVER_BODY, tightened, UPDATE_RESOURCE_SERVER_BODY } from './sdk-request-shapes.ts';

/** The longest access-token lifetime Auth0 lets an API have: 30 days. */
export const MAX_TOKEN_LIFETIME = 2_592_000;

const lifetime: Shape = { type: 'integer', min: 1, max: MAX_TOKEN_LIFETIME };

// The sandbox's limits on the fields it acts on; everything else is node-auth0's type as is.
const RULES: Readonly<Record<string, Shape>> = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  scopes: { type: 'array', maxItems: 1_000, items: { type: 'object', required: ['value'], properties: { value: { type: 'string', minLength: 1, maxLength: 280 }, description: { type: 'string', maxLength: 500 } } } },
  token_lifetime: lifetime,
};

/** `POST /api/v2/resource-servers`: every field node-auth0 documents, `identifier` required. */
export const NEW_RESOURCE_SERVER_SHAPE = tightened(CREATE_RESOURCE_SERVER_BODY, {
  ...RULES,
  identifier: { type: 'string', minLength: 1, maxLength: 600 },
});

/**
 * `PATCH /api/v2/resource-servers/{id}`: every field node-auth0 documents, plus
 * `token_lifetime_for_web`, which node-auth0 v4 still documents (ResourceServerUpdate) and Auth0
 * still returns.
 */
export const RESOURCE_SERVER_CHANGES_SHAPE: Extract<Shape, { type: 'object' }> = (() => {
  const documented = tightened(UPDATE_RESOURCE_SERVER_BODY, RULES);
  return { ...documented, properties: { ...documented.properties, token_lifetime_for_web: lifetime } };
})();
