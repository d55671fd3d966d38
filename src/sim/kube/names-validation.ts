/** Object-name rules with the API server's exact messages. */
import { fieldMsg, type FieldCause } from './errors';

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
    if (name === '.' || name === '..' || /[/%]/.test(name)) return [{ field, message: fieldMsg.invalid(name, 'may not contain \'/\' or \'%\'') }];
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
