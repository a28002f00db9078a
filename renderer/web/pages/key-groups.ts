/** A Base32 key in groups of four, as people read and type it: "JBSW Y3DP EHPK 3PXP". */
export function keyGroups(secret: string): readonly string[] {
  return secret.match(/.{1,4}/g) ?? [];
}
