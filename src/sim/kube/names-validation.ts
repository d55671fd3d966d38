/** Object-name rules with the API server's exact messages. */
import { type FieldCause, fieldMsg } from './errors';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export function validateName(name: string, rule: string, field = 'metadata.name'): FieldCause[] {
  if (!name) return [{ field, message: `${fieldMsg.required()}: name or generateName is required` }];
  if (rule === 'dns1035-label') {
    if (name.length > 63) return [{ field, message: fieldMsg.invalid(name, 'must be no more than 63 characters') }];
    if (!DNS1035_LABEL.test(name)) {
      return [
        {
          field,
          message: fieldMsg.invalid(
            name,
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
          ),
        },
      ];
    }
    return [];
  }
  if (rule === 'dns1123-label') {
    if (name.length > 63) return [{ field, message: fieldMsg.invalid(name, 'must be no more than 63 characters') }];
    if (!DNS1123_LABEL.test(name)) {
      return [
        {
          field,
          message: fieldMsg.invalid(
            name,
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
          ),
        },
      ];
    }
    return [];
  }
  if (rule === 'path-segment') {
    if (name === '.' || name === '..' || /[/%]/.test(name)) return [{ field, message: fieldMsg.invalid(name, "may not contain '/' or '%'") }];
    return [];
  }
  if (name.length > 253) return [{ field, message: fieldMsg.invalid(name, 'must be no more than 253 characters') }];
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return [
      {
        field,
        message: fieldMsg.invalid(
          name,
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        ),
      },
    ];
  }
  return [];
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export function validateLabelValue(value: string, field: string): FieldCause[] {
  if (typeof value !== 'string') return [];
  if (value.length > 63) return [{ field, message: fieldMsg.invalid(value, 'must be no more than 63 characters') }];
  if (!LABEL_VALUE.test(value)) {
    return [
      {
        field,
        message: fieldMsg.invalid(
          value,
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        ),
      },
    ];
  }
  return [];
}

export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldCause[] {
  return Object.entries(labels ?? {}).flatMap(([, v]) => validateLabelValue(v, field));
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QUALIFIED_NAME_HELP =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** apimachinery's IsQualifiedName: `[prefix/]name`, the messages it returns. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  let name: string;
  const errs: string[] = [];
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (!prefix) errs.push('prefix part must be non-empty');
    else if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
    else if (!DNS1123_SUBDOMAIN.test(prefix)) {
      errs.push(
        "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      );
    }
  } else {
    return [`a qualified name ${QUALIFIED_NAME_HELP} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (!name) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  else if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${QUALIFIED_NAME_HELP}`);
  return errs;
}

/** ValidateAnnotationsSize: keys and values together, in bytes. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** UTF-8 length without allocating (TextEncoder would copy megabytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The metadata checks ValidateObjectMeta makes for every kind: label keys and values,
 * annotation keys (lower-cased first, as upstream does) and the 256 KiB annotation total that
 * `kubectl apply` runs into with big objects (its last-applied annotation holds the whole object).
 */
export function validateMetadataMaps(meta: { labels?: Record<string, string>; annotations?: Record<string, string> }): FieldCause[] {
  const out: FieldCause[] = [];
  for (const [k, v] of Object.entries(meta.labels ?? {})) {
    for (const msg of qualifiedNameErrors(k)) out.push({ field: 'metadata.labels', message: fieldMsg.invalid(k, msg) });
    out.push(...validateLabelValue(v, 'metadata.labels'));
  }
  let size = 0;
  for (const [k, v] of Object.entries(meta.annotations ?? {})) {
    for (const msg of qualifiedNameErrors(k.toLowerCase())) out.push({ field: 'metadata.annotations', message: fieldMsg.invalid(k, msg) });
    size += utf8Length(k) + (typeof v === 'string' ? utf8Length(v) : 0);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT)
    out.push({ field: 'metadata.annotations', message: `Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  return out;
}
