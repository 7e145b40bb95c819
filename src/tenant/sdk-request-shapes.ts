import generated from './sdk-request-shapes.json' with { type: 'json' };
import type { Shape } from './payload-schema.ts';

/*
 * The request bodies of the Management API routes the tenant serves, as the official Node SDK
 * types them (generated from Auth0's own API definition). `sdk-request-shapes.json` is written by
 * `npm run sdk-shapes` from the installed `auth0` package; a test fails when it falls behind.
 * Taking the field list from Auth0 rather than writing it by hand is what lets code that works
 * against the sandbox work against Auth0: a documented field is never refused here.
 */

type ObjectShape = Extract<Shape, { type: 'object' }>;

const shapes = generated.shapes as unknown as Readonly<Record<string, ObjectShape>>;

/** Which SDK release the shapes were read from (`auth0@7.1.0`). */
export const SDK_SHAPES_SOURCE: string = generated.sdk;

function shape(name: string): ObjectShape {
  const found = shapes[name];
  if (found === undefined) throw new Error(`sdk-request-shapes.json has no ${name}: run npm run sdk-shapes`);
  return found;
}

export const CREATE_CLIENT_BODY = shape('CreateClientRequestContent');
export const UPDATE_CLIENT_BODY = shape('UpdateClientRequestContent');
export const CREATE_CLIENT_GRANT_BODY = shape('CreateClientGrantRequestContent');
export const UPDATE_CLIENT_GRANT_BODY = shape('UpdateClientGrantRequestContent');
export const CREATE_RESOURCE_SERVER_BODY = shape('CreateResourceServerRequestContent');
export const UPDATE_RESOURCE_SERVER_BODY = shape('UpdateResourceServerRequestContent');
export const UPDATE_USER_BODY = shape('UpdateUserRequestContent');

/**
 * `base` with some of its properties' shapes tightened (the sandbox's own limits, Auth0's
 * documented rules the SDK types do not carry). Only documented properties may be tightened, so
 * an override can never add a field Auth0 does not have or drop one it does.
 */
export function tightened(base: ObjectShape, overrides: Readonly<Record<string, Shape>>, required?: readonly string[]): ObjectShape {
  const properties: Record<string, Shape> = { ...base.properties };
  for (const [name, override] of Object.entries(overrides)) {
    const documented = base.properties[name];
    if (documented === undefined || !Object.hasOwn(base.properties, name)) throw new Error(`${name} is not a documented property`);
    // Where the SDK takes null (PATCH clearing a field), the tightened field still does.
    properties[name] = documented.nullable === true ? { ...override, nullable: true } : override;
  }
  return { ...base, properties, ...(required === undefined ? {} : { required }) };
}
