/**
 * Whether a folded (diacritic-free) token can be a Vietnamese syllable: an optional onset, a vowel
 * group and an optional coda. Used to tell Telex leftovers ("thees", "cafi") from real words.
 */
const onset = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?';
const vowels =
  '(?:uye|uya|uyu|oai|oay|oeo|uoi|uou|ieu|yeu|uay|uai|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)';
const coda = '(?:ng|nh|ch|c|m|n|p|t)?';
const syllable = new RegExp(`^${onset}${vowels}${coda}$`);

export function isVietnameseSyllable(token: string): boolean {
  return syllable.test(token);
}
