import type { User } from './model.ts';

/*
 * The seeded users: a handful of obviously invented people in the database connection, so the
 * user calls a migrating service makes (`GET /api/v2/users`, `users-by-email`, `PATCH` metadata)
 * have something to find. Addresses use the reserved `.example` TLD: nothing can ever be mailed.
 */

const CONNECTION = 'Username-Password-Authentication';

interface SeedUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly created: string;
  readonly app_metadata: Record<string, unknown>;
  readonly user_metadata: Record<string, unknown>;
  readonly verified?: boolean;
  readonly blocked?: boolean;
}

const PEOPLE: readonly SeedUser[] = [
  { id: '6650a1b2c3d4e5f600000001', email: 'ada.sandbox@customers.example', name: 'Ada Sandbox (fake user)', created: '2024-03-04T09:15:00.000Z', app_metadata: { plan: 'team', roles: ['billing-admin'] }, user_metadata: { locale: 'en-GB' } },
  { id: '6650a1b2c3d4e5f600000002', email: 'grace.fixture@customers.example', name: 'Grace Fixture (fake user)', created: '2024-07-19T14:02:00.000Z', app_metadata: { plan: 'free' }, user_metadata: {} },
  { id: '6650a1b2c3d4e5f600000003', email: 'alan.placeholder@customers.example', name: 'Alan Placeholder (fake user)', created: '2025-01-08T08:40:00.000Z', app_metadata: {}, user_metadata: { newsletter: true }, verified: false },
  { id: '6650a1b2c3d4e5f600000004', email: 'edsger.dummy@customers.example', name: 'Edsger Dummy (fake user)', created: '2025-10-27T17:55:00.000Z', app_metadata: { plan: 'team' }, user_metadata: {}, blocked: true },
];

/** Fresh copies of the seeded users. */
export function seedUsers(): User[] {
  return PEOPLE.map((person) => ({
    user_id: `auth0|${person.id}`,
    email: person.email,
    email_verified: person.verified ?? true,
    name: person.name,
    nickname: person.email.split('.')[0]!,
    created_at: person.created,
    updated_at: person.created,
    identities: [{ connection: CONNECTION, provider: 'auth0', user_id: person.id, isSocial: false }],
    app_metadata: structuredClone(person.app_metadata),
    user_metadata: structuredClone(person.user_metadata),
    blocked: person.blocked ?? false,
  }));
}
