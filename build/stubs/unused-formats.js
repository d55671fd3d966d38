// Stand-in for smtp-address-parser, schemes and uri-js: only ajv-formats-draft2019's `idn-email`, `iri`
// validators use them, and no kubernetes-models schema has those formats (only byte, double,
// int32, int64), so they never run in the lab. Calling one would be a bug worth seeing.
const unused = () => {
  throw new Error('e-mail and IRI formats are not used by Kubernetes schemas');
};
export const parse = unused;
export const addressParser = unused;
export const allByName = {};
export default { parse, addressParser, allByName };
