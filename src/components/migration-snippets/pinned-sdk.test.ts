import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUIDE_PROGRAMS_DIR as PROGRAMS, pinnedSdk } from './pinned-sdk.ts';

describe('pinnedSdk', () => {
  it('reads each guide program\'s manifest: the version the suite runs is the one the page prints', () => {
    const read = (file: string) => readFileSync(`${PROGRAMS}/${file}`, 'utf8');
    const lock = JSON.parse(read('node/package-lock.json')) as { packages: Record<string, { version: string }> };
    expect(pinnedSdk('npm', read('node/package.json'))).toEqual({ name: 'auth0', version: lock.packages['node_modules/auth0']!.version });
    expect(pinnedSdk('pip', read('python-sdk/requirements.txt')).name).toBe('auth0-python');
    expect(pinnedSdk('go', read('go/go.mod')).name).toMatch(/^github\.com\/auth0\/go-auth0\/v\d+$/);
    expect(pinnedSdk('maven', read('java/pom.xml')).name).toBe('com.auth0:auth0');
    expect(pinnedSdk('nuget', read('dotnet/ListApplications.csproj')).name).toBe('Auth0.ManagementApi');
  });

  it('reads the forms each manifest allows', () => {
    expect(pinnedSdk('go', 'module x\n\nrequire github.com/auth0/go-auth0/v3 v3.4.0\n')).toEqual({ name: 'github.com/auth0/go-auth0/v3', version: 'v3.4.0' });
    expect(pinnedSdk('go', 'require (\n\tgithub.com/auth0/go-auth0 v1.2.3\n)\n')).toEqual({ name: 'github.com/auth0/go-auth0', version: 'v1.2.3' });
    expect(pinnedSdk('pip', 'requests==2.0.0\nauth0-python==6.8.0\n')).toEqual({ name: 'auth0-python', version: '6.8.0' });
  });

  it('fails the build on a range, a missing pin or a missing SDK, naming the manifest', () => {
    expect(() => pinnedSdk('npm', '{"dependencies":{"auth0":"^7.1.0"}}')).toThrow(/npm manifest does not pin auth0 to an exact version \(found "\^7\.1\.0"\)/);
    expect(() => pinnedSdk('pip', 'auth0-python>=6\n')).toThrow(/pip manifest/);
    expect(() => pinnedSdk('maven', '<project/>')).toThrow(/com\.auth0:auth0/);
    expect(() => pinnedSdk('nuget', '<PackageReference Include="Auth0.ManagementApi" Version="9.*" />')).toThrow(/exact version/);
  });
});
