/**
 * Reads which SDK version a guide program is pinned to, from its own manifest, so the page says
 * the version the test suite ran with and cannot drift from it. A manifest that no longer names
 * the SDK fails the build instead of printing a stale or empty version. Pure.
 */

/** Where the guide's programs live, one folder per language. */
export const GUIDE_PROGRAMS_DIR = 'content/guides/01-migrate-your-services/programs';

export type ManifestKind = 'npm' | 'pip' | 'go' | 'maven' | 'nuget';

export interface PinnedSdk {
  /** The package as its registry names it: `auth0`, `auth0-python`, `github.com/auth0/go-auth0/v3`… */
  name: string;
  version: string;
}

const EXACT = /^v?\d+\.\d+\.\d+$/;

function found(name: string, version: string | undefined, kind: ManifestKind): PinnedSdk {
  if (!version || !EXACT.test(version)) throw new Error(`[guide programs] the ${kind} manifest does not pin ${name} to an exact version (found ${JSON.stringify(version)})`);
  return { name, version };
}

export function pinnedSdk(kind: ManifestKind, manifest: string): PinnedSdk {
  switch (kind) {
    case 'npm': {
      const parsed = JSON.parse(manifest) as { dependencies?: Record<string, string> };
      return found('auth0', parsed.dependencies?.auth0, kind);
    }
    case 'pip':
      return found('auth0-python', /^auth0-python==(\S+)\s*$/m.exec(manifest)?.[1], kind);
    case 'go': {
      const match = /^\s*(?:require\s+)?(github\.com\/auth0\/go-auth0(?:\/v\d+)?)\s+(v\S+)\s*$/m.exec(manifest);
      return found(match?.[1] ?? 'github.com/auth0/go-auth0', match?.[2], kind);
    }
    case 'maven': {
      const match = /<dependency>\s*<groupId>com\.auth0<\/groupId>\s*<artifactId>auth0<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(manifest);
      return found('com.auth0:auth0', match?.[1], kind);
    }
    case 'nuget':
      return found('Auth0.ManagementApi', /<PackageReference\s+Include="Auth0\.ManagementApi"\s+Version="([^"]+)"/.exec(manifest)?.[1], kind);
  }
}
