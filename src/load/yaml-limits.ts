/** Aliases may be expanded at most this many times: a guard against "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 1000;
/**
 * Keys in one mapping. The YAML library's duplicate-key check is quadratic (40,000 keys take seconds); no pipeline
 * or config needs more than a few dozen.
 */
export const MAX_KEYS_PER_MAPPING = 2000;
/**
 * Nesting of collections in a document (the document's own mapping is level 1). Generated Python nests a value a few
 * brackets deeper than the spec does, and Python's parser stops at 200 nested brackets ("too many nested
 * parentheses"); real specs use fewer than 10 levels.
 */
export const MAX_DEPTH = 64;
