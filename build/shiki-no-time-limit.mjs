/**
 * Shiki transformer: tokenise every line to its end, however long it takes. Shiki stops a line's
 * tokenising after 500 ms by default (`tokenizeTimeLimit`) and leaves the rest of that line in one
 * colour. Astro's build highlights hundreds of blocks while other work runs, so on a busy machine
 * a long line sometimes crossed that limit in one theme and not in the other: two builds of the
 * same lesson differed by a token or two. Astro's `shikiConfig` has no field for the limit, but
 * `preprocess` sees the options object that the tokeniser reads next.
 */
/** @returns {import('shiki').ShikiTransformer} */
export function noTokenizeTimeLimit() {
  return {
    name: 'external-ip-lab:no-tokenize-time-limit',
    preprocess(code, options) {
      // 0 is "no limit" in vscode-textmate's tokenizeLine2.
      options.tokenizeTimeLimit = 0;
      return code;
    },
  };
}
