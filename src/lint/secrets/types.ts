/** A secret pattern of a vendored rule set (see gitleaks-rules.ts). */
export interface VendoredSecretRule {
  readonly id: string;
  readonly description: string;
  /** JavaScript regular expression source and flags. */
  readonly source: string;
  readonly flags: string;
  /** The capture group that holds the secret (default: the first group, else the whole match). */
  readonly secretGroup?: number;
  /** Least Shannon entropy (bits per character) of the secret. */
  readonly entropy?: number;
  /** Lower-case words of which one must be in the text (a fast filter before the expression). */
  readonly keywords: readonly string[];
  /** Secrets these match are allowed (documentation examples). */
  readonly allow: readonly { readonly source: string; readonly flags: string }[];
}
