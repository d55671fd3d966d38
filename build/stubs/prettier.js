// Stand-in for Prettier inside monaco-yaml's worker: the lab turns YAML formatting off.
export async function format(text) {
  return text;
}
export default {};
