/**
 * What to tell a reader whose paste names where a token is kept instead of holding one: which
 * secret, what the file calls it, and how to look there (including what the store will not show).
 */
import type { SecretReference } from './find-secret-references.ts';

export interface ReferenceExplanation {
  /** "A token is stored in secret AUTH0_MGMT_TOKEN: look there". */
  readonly headline: string;
  /** Short, for the summary line: "secret AUTH0_MGMT_TOKEN (GitHub Actions)". */
  readonly short: string;
  /** How to look there, one or two sentences. */
  readonly look: string;
}

/** The headline, short name and how-to-look sentence for one named secret. */
export function explainReference(reference: SecretReference): ReferenceExplanation {
  const feeds = reference.usedAs ? ` (the file reads it as ${reference.usedAs})` : '';
  switch (reference.store) {
    case 'github-actions-secret':
      return {
        headline: `A token is stored in secret ${reference.name}: look there`,
        short: `secret ${reference.name} (GitHub Actions)`,
        look: `It is a GitHub Actions secret${feeds}, set on the repository, one of its environments or the organisation (Settings > Secrets and variables > Actions). GitHub never shows a saved secret again: find the value where it was copied from, or treat it as unknown and replace it.`,
      };
    case 'github-actions-variable':
      return {
        headline: `A token is stored in variable ${reference.name}: look there`,
        short: `variable ${reference.name} (GitHub Actions)`,
        look: `It is a GitHub Actions configuration variable${feeds} (Settings > Secrets and variables > Actions > Variables). Variables are not secret: anyone who can read the settings or the run logs sees the value, so treat that token as leaked and replace it.`,
      };
    case 'kubernetes-secret': {
      const key = reference.key ? ` (key ${reference.key})` : '';
      return {
        headline: `A token is stored in secret ${reference.name}${key}: look there`,
        short: `Kubernetes Secret ${reference.name}${key}`,
        look: `It is a Kubernetes Secret${reference.usedAs ? `, given to the container as ${reference.usedAs}` : ''}${reference.key ? '' : ' (all of its keys, as environment variables)'}. \`kubectl get secret ${reference.name} -o yaml\` prints it; paste that output here and its base64 values are decoded in this tab.`,
      };
    }
    case 'terraform-variable':
      return {
        headline: `A token is stored in variable ${reference.name}: look there`,
        short: `Terraform variable ${reference.name}`,
        look: `It is a Terraform input variable${feeds}: its value comes from a *.tfvars file, TF_VAR_${reference.name} in the environment of whoever runs Terraform, or the workspace's variables in HCP Terraform.`,
      };
    case 'terraform-data':
      return {
        headline: `A token is stored in secret ${reference.name}: look there`,
        short: `Terraform data source ${reference.name}${reference.manager ? ` (${reference.manager})` : ''}`,
        look: `Terraform reads it at plan time from the data source ${reference.name}${reference.manager ? `, in ${reference.manager}` : ''}${feeds}: look in that store. It also sits in plain text in the Terraform state.`,
      };
    case 'environment-variable':
      return {
        headline: `A token is stored in variable ${reference.name}: look there`,
        short: `environment variable ${reference.name}`,
        look: `${reference.usedAs ?? 'The value'} is taken from the environment variable ${reference.name}: look where the process that reads this file gets its environment (a CI secret, a service's unit file, a deployment's config).`,
      };
    case 'secret-manager':
      return {
        headline: `A token is stored in secret ${reference.name}: look there`,
        short: `${reference.manager ?? 'secret manager'} ${reference.name}`,
        look: `${reference.usedAs ?? 'The value'} points into ${reference.manager ?? 'a secret manager'}: read it there, with the access that the service itself has.`,
      };
    case 'left-empty':
      return {
        headline: `A token for ${reference.name} is stored elsewhere: look there`,
        short: `${reference.name} (empty here)`,
        look: `${reference.name} is empty in this file, so its value comes from somewhere else: the process's environment, a CI secret or the deployment's configuration.`,
      };
    case 'placeholder':
      return {
        headline: `A token for ${reference.name} is stored elsewhere: look there`,
        short: `${reference.name} (a placeholder here)`,
        look: `${reference.name} holds a placeholder in this file, so the real token is filled in wherever this file is copied to: the deployed copy, the process's environment or a secret store.`,
      };
  }
}
