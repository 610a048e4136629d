import { listValues, singleValue, type FormFields } from './evidence-files/upload-form.js';

const NULLABLE = new Set(['agreementId', 'activities']);

// A participation's multipart fields as its JSON body would carry them:
// `participantIds` and `verification.links` repeated or as one JSON array,
// `verification.text` beside them, and an empty field as null (a form cannot
// send null: "Ninguno" for the agreement, activities cleared). Anything else is
// left as it came, for the schema to name the bad field.
export const participationFormFields: FormFields = (values) => {
  const fields: Record<string, unknown> = {};
  for (const [name, list] of values) {
    if (name === 'participantIds') fields.participantIds = list.flatMap(listValues);
    else if (name === 'verification.text' || name === 'verification.links') continue;
    else {
      const value = singleValue(list);
      fields[name] = NULLABLE.has(name) && value === '' ? null : value;
    }
  }
  const text = values.get('verification.text');
  const links = values.get('verification.links');
  if (text === undefined && links === undefined) return fields;
  const linkList = (links ?? []).flatMap(listValues);
  const textValue = text === undefined ? undefined : singleValue(text);
  fields.verification = (textValue === undefined || textValue === '') && linkList.length === 0 ? null : { text: textValue ?? '', links: linkList };
  return fields;
};
