/**
 * Config files often hold no token at all, only the name of the place one is kept: a GitHub
 * Actions `${{ secrets.AUTH0_MGMT_TOKEN }}`, a Kubernetes `secretKeyRef`, a Terraform `var.` or
 * `data.` reference, an `.env` line left empty or pointing at another variable or a vault. Such a
 * paste deserves "a token is stored in secret X: look there", not "no token found". Only names
 * that look like a token's are reported, so a workflow's AWS keys and GitHub's own GITHUB_TOKEN
 * are not sent to the inventory.
 */

/** Where a referenced token is kept. */
export type SecretStore =
  | 'github-actions-secret'
  | 'github-actions-variable'
  | 'kubernetes-secret'
  | 'terraform-variable'
  | 'terraform-data'
  | 'environment-variable'
  | 'secret-manager'
  | 'left-empty'
  | 'placeholder';

export interface SecretReference {
  readonly store: SecretStore;
  /** The secret's name as the file writes it (`AUTH0_MGMT_TOKEN`, `auth0-mgmt`, `op://…`). */
  readonly name: string;
  /** The key inside the secret, for a Kubernetes Secret. */
  readonly key?: string;
  /** The variable or attribute the file feeds from it (`AUTH0_TOKEN`, `api_token`). */
  readonly usedAs?: string;
  /** For a secret manager: which one (`1Password`, `AWS Secrets Manager`…). */
  readonly manager?: string;
  /** 1-based lines where it is named. */
  readonly lines: number[];
}

/** At most this many references are listed; a file naming more is not a config file. */
export const MAX_REFERENCES = 20;

const TOKEN_NAME = /token|jwt|bearer|mgmt|management[_-]?api|api[_-]?key/i;
// Names with "token" that hold something else: where a token is fetched, how long it lives, a
// path to a file, GitHub's own per-run token.
const NOT_A_TOKEN = /url|uri|endpoint|path|file|expir|ttl|lifetime|audience|issuer|domain|client[_-]?id|^github_token$/i;

/** Whether a variable, key or secret name looks like it holds a token. */
export function namesAToken(name: string): boolean {
  return TOKEN_NAME.test(name) && !NOT_A_TOKEN.test(name);
}

const EXPRESSION = /\$\{\{(.*?)\}\}/g;
const IN_EXPRESSION = /\b(secrets|vars)\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*'([^']+)'\s*\])/g;
const TERRAFORM = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*"?(?:\$\{)?\s*(var\.([A-Za-z_][A-Za-z0-9_-]*)|data\.([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)[^\s"}]*)/;
const ASSIGNMENT = /^\s*(?:export\s+|-\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(=|:)[ \t]*(.*?)\s*$/;
// Block style (fields on the lines below) or flow style (`secretKeyRef: {name: x, key: y}`).
const SECRET_KEY_REF = /^(\s*).*?\bsecretKeyRef:\s*(\{[^}]*\})?/;
const SECRET_REF = /^(\s*).*?\bsecretRef:\s*(\{[^}]*\})?/;

const MANAGERS: Array<[RegExp, string]> = [
  [/^op:\/\//, '1Password'],
  [/^arn:aws:secretsmanager:|^\{\{resolve:secretsmanager:/, 'AWS Secrets Manager'],
  [/^arn:aws:ssm:|^\{\{resolve:ssm(?:-secure)?:/, 'AWS Systems Manager Parameter Store'],
  [/^@Microsoft\.KeyVault\(/, 'Azure Key Vault'],
  [/^(?:sm:\/\/|projects\/[^/]+\/secrets\/)/, 'Google Secret Manager'],
  [/^vault:|^vault\+/, 'HashiCorp Vault'],
];
const PLACEHOLDER = /^<[^>]*>$|^(?:changeme|change[_-]me|replace[_-]?me|todo|tbd|x{3,}|\.{3}|…|your[_-].*|\*+)$/i;

/** Every place `text` names where a token is kept, in order of first mention. */
export function findSecretReferences(text: string): SecretReference[] {
  const lines = text.split('\n');
  const found = new Map<string, SecretReference>();
  const add = (reference: Omit<SecretReference, 'lines'>, line: number) => {
    const id = `${reference.store} ${reference.name} ${reference.key ?? ''} ${reference.usedAs ?? ''}`;
    const known = found.get(id);
    if (known) {
      // Lines are read in order, so a line already listed is the last one.
      if (known.lines.at(-1) !== line) known.lines.push(line);
    } else if (found.size < MAX_REFERENCES) {
      found.set(id, { ...reference, lines: [line] });
    }
  };

  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const number = index + 1;
    if (line.length > 2_000) return;
    const usedAs = ASSIGNMENT.exec(line)?.[1];

    let inExpression = false;
    for (const [, expression] of line.matchAll(EXPRESSION)) {
      inExpression = true;
      for (const [, scope, dotted, bracketed] of (expression ?? '').matchAll(IN_EXPRESSION)) {
        const name = (dotted ?? bracketed)!;
        // GitHub makes GITHUB_TOKEN for each run itself; whatever reads it, it is no Auth0 token.
        if (/^github_token$/i.test(name) || (!namesAToken(name) && !(usedAs && namesAToken(usedAs)))) continue;
        add({ store: scope === 'vars' ? 'github-actions-variable' : 'github-actions-secret', name, ...(usedAs ? { usedAs } : {}) }, number);
      }
    }
    if (inExpression) return;

    const keyRef = SECRET_KEY_REF.exec(line);
    if (keyRef) {
      const fields = keyRef[2] ?? childLines(lines, index, keyRef[1]!.length).join('\n');
      const name = fieldOf(fields, 'name');
      const key = fieldOf(fields, 'key');
      const variable = envNameAbove(lines, index, keyRef[1]!.length);
      if (name && key && [name, key, variable ?? ''].some(namesAToken)) {
        add({ store: 'kubernetes-secret', name, key, ...(variable ? { usedAs: variable } : {}) }, number);
      }
      return;
    }
    const wholeRef = SECRET_REF.exec(line);
    if (wholeRef) {
      const name = fieldOf(wholeRef[2] ?? childLines(lines, index, wholeRef[1]!.length).join('\n'), 'name');
      if (name && namesAToken(name)) add({ store: 'kubernetes-secret', name }, number);
      return;
    }

    const terraform = TERRAFORM.exec(line);
    if (terraform) {
      const [, attribute, , variable, dataType, dataName] = terraform;
      if (variable !== undefined && (namesAToken(attribute!) || namesAToken(variable))) {
        add({ store: 'terraform-variable', name: variable, usedAs: attribute! }, number);
      } else if (dataType !== undefined && (namesAToken(attribute!) || namesAToken(dataName!))) {
        add({ store: 'terraform-data', name: `${dataType}.${dataName}`, usedAs: attribute!, ...managerOfDataSource(dataType) }, number);
      }
      return;
    }

    const assignment = ASSIGNMENT.exec(line);
    if (!assignment || !namesAToken(assignment[1]!)) return;
    const [, variable, operator, rawValue] = assignment as unknown as [string, string, string, string];
    // A trailing comment (.env, YAML) or comma (JSON) is not part of the value.
    const value = unquoted(rawValue.replace(/\s+#.*$/, '').replace(/,$/, ''));
    if (value === undefined) return;
    if (value === '') {
      // `key:` followed by indented lines opens a mapping: its value is below, not missing.
      if (operator === ':' && childLines(lines, index, indentOf(line)).length > 0) return;
      add({ store: 'left-empty', name: variable }, number);
      return;
    }
    const environment = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}?$/.exec(value);
    if (environment) {
      add({ store: 'environment-variable', name: environment[1]!, usedAs: variable }, number);
      return;
    }
    const manager = MANAGERS.find(([pattern]) => pattern.test(value));
    if (manager) {
      add({ store: 'secret-manager', name: value.length > 120 ? `${value.slice(0, 120)}…` : value, manager: manager[1], usedAs: variable }, number);
      return;
    }
    if (PLACEHOLDER.test(value)) add({ store: 'placeholder', name: variable }, number);
  });
  return [...found.values()];
}

/** The value without its quotes; undefined for a quote left open (the value goes on below). */
function unquoted(value: string): string | undefined {
  const quote = value[0];
  if (quote !== '"' && quote !== "'") return value;
  if (value.length < 2 || !value.endsWith(quote)) return undefined;
  return value.slice(1, -1).trim();
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

/** The lines right below `index` indented deeper than `indent` (a YAML block's children). */
function childLines(lines: readonly string[], index: number, indent: number): string[] {
  const children: string[] = [];
  for (let at = index + 1; at < lines.length && children.length < 20; at++) {
    const line = lines[at]!;
    if (line.trim() === '') continue;
    if (indentOf(line) <= indent) break;
    children.push(line);
  }
  return children;
}

function fieldOf(fields: string, field: string): string | undefined {
  return new RegExp(`(?:^|[\\s{,])${field}:\\s*["']?([^"',}\\s#]+)`, 'm').exec(fields)?.[1];
}

/** The `- name: AUTH0_TOKEN` of the env entry a `valueFrom: secretKeyRef:` sits in. */
function envNameAbove(lines: readonly string[], index: number, indent: number): string | undefined {
  for (let at = index - 1; at >= 0 && at >= index - 6; at--) {
    const line = lines[at]!;
    if (indentOf(line) >= indent) continue;
    const name = /^\s*-?\s*name:\s*["']?([^"'\s#]+)/.exec(line)?.[1];
    if (name) return name;
  }
  return undefined;
}

function managerOfDataSource(type: string): { manager: string } | Record<string, never> {
  const managers: Array<[RegExp, string]> = [
    [/^vault_/, 'HashiCorp Vault'],
    [/^aws_secretsmanager_/, 'AWS Secrets Manager'],
    [/^aws_ssm_/, 'AWS Systems Manager Parameter Store'],
    [/^google_secret_manager_/, 'Google Secret Manager'],
    [/^azurerm_key_vault_/, 'Azure Key Vault'],
    [/^onepassword_/, '1Password'],
  ];
  const manager = managers.find(([pattern]) => pattern.test(type))?.[1];
  return manager ? { manager } : {};
}
