/**
 * Shiki transformer: keeps a lesson's code blocks out of the search index, so a result's snippet
 * is the lesson's prose and not a run of YAML, JSON and command output (Pagefind builds snippets
 * from whatever it indexed). The terms that matter stay findable: the prose names every command and
 * field it teaches, and each lesson's keywords are indexed with it (LessonLayout).
 * @returns {import('shiki').ShikiTransformer}
 */
export function searchProseOnly() {
  return {
    name: 'external-ip-lab:search-prose-only',
    pre(node) {
      node.properties['data-pagefind-ignore'] = '';
    },
  };
}
