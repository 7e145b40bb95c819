import { describe, expect, it } from 'vitest';
import { findSecretReferences, namesAToken } from './find-secret-references.ts';

describe('findSecretReferences', () => {
  it('finds a GitHub Actions secret a workflow feeds into a token variable, and not GitHub\'s own GITHUB_TOKEN', () => {
    const workflow = [
      'jobs:',
      '  sync:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: ./sync-users.sh',
      '        env:',
      '          AUTH0_TOKEN: ${{ secrets.AUTH0_MGMT_TOKEN }}',
      '          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
      "          AWS_KEY: ${{ secrets['AWS_ACCESS_KEY_ID'] }}",
      '          LEGACY: ${{ vars.AUTH0_LEGACY_TOKEN }}',
    ].join('\n');
    expect(findSecretReferences(workflow)).toEqual([
      { store: 'github-actions-secret', name: 'AUTH0_MGMT_TOKEN', usedAs: 'AUTH0_TOKEN', lines: [7] },
      { store: 'github-actions-variable', name: 'AUTH0_LEGACY_TOKEN', usedAs: 'LEGACY', lines: [10] },
    ]);
  });

  it('finds a Kubernetes secretKeyRef in block and flow style, with the env variable it feeds', () => {
    const deployment = [
      '        env:',
      '          - name: AUTH0_TOKEN',
      '            valueFrom:',
      '              secretKeyRef:',
      '                name: auth0-mgmt',
      '                key: token',
      '          - name: DB_PASSWORD',
      '            valueFrom: { secretKeyRef: { name: db, key: password } }',
      '          - name: MGMT_JWT',
      '            valueFrom: { secretKeyRef: { name: legacy, key: jwt } }',
    ].join('\n');
    expect(findSecretReferences(deployment)).toEqual([
      { store: 'kubernetes-secret', name: 'auth0-mgmt', key: 'token', usedAs: 'AUTH0_TOKEN', lines: [4] },
      { store: 'kubernetes-secret', name: 'legacy', key: 'jwt', usedAs: 'MGMT_JWT', lines: [10] },
    ]);
  });

  it('finds Terraform var. and data. references that feed a token attribute', () => {
    const terraform = [
      'provider "auth0" {',
      '  domain    = var.auth0_domain',
      '  api_token = var.auth0_api_token',
      '}',
      'locals {',
      '  mgmt_token = "${data.aws_secretsmanager_secret_version.auth0.secret_string}"',
      '}',
    ].join('\n');
    expect(findSecretReferences(terraform)).toEqual([
      { store: 'terraform-variable', name: 'auth0_api_token', usedAs: 'api_token', lines: [3] },
      { store: 'terraform-data', name: 'aws_secretsmanager_secret_version.auth0', usedAs: 'mgmt_token', manager: 'AWS Secrets Manager', lines: [6] },
    ]);
  });

  it('finds .env token lines left empty, pointing at another variable or a vault, or holding a placeholder', () => {
    const env = [
      'AUTH0_DOMAIN=',
      'AUTH0_MGMT_TOKEN=',
      'export API_TOKEN="${VAULT_AUTH0_TOKEN}"',
      'SYNC_TOKEN=op://prod/auth0/mgmt-token # 1Password',
      'OTHER_TOKEN=<paste your token here>',
      'REAL_TOKEN=eyJhbGciOiJIUzI1NiJ9.e30.sig',
      'OPEN_TOKEN="',
    ].join('\n');
    expect(findSecretReferences(env)).toEqual([
      { store: 'left-empty', name: 'AUTH0_MGMT_TOKEN', lines: [2] },
      { store: 'environment-variable', name: 'VAULT_AUTH0_TOKEN', usedAs: 'API_TOKEN', lines: [3] },
      { store: 'secret-manager', name: 'op://prod/auth0/mgmt-token', manager: '1Password', usedAs: 'SYNC_TOKEN', lines: [4] },
      { store: 'placeholder', name: 'OTHER_TOKEN', lines: [5] },
    ]);
  });

  it('reads a file naming one secret on every line in one pass, each line listed once', () => {
    const [reference] = findSecretReferences('AUTH0_TOKEN=\n'.repeat(150_000));
    expect(reference!.lines).toHaveLength(150_000);
  });

  it('does not take a YAML key that opens a mapping for an empty value', () => {
    expect(findSecretReferences('auth0_token:\n  source: vault\n')).toEqual([]);
    expect(findSecretReferences('auth0_token:\nnext: 1\n')).toEqual([{ store: 'left-empty', name: 'auth0_token', lines: [1] }]);
  });
});

describe('namesAToken', () => {
  it('knows token names from names that merely mention tokens', () => {
    expect(['AUTH0_MGMT_TOKEN', 'api_token', 'MGMT_JWT', 'auth0-management-api'].every(namesAToken)).toBe(true);
    expect(['GITHUB_TOKEN', 'AUTH0_TOKEN_URL', 'TOKEN_EXPIRATION', 'AUTH0_CLIENT_ID', 'DB_PASSWORD'].some(namesAToken)).toBe(false);
  });
});
