import { type FormEvent, type ReactNode, useState } from 'react';
import type { UploadCheck } from '../flows/CardApplicationFlow';
import type { ActionPayload, FormSpec, WidgetLanguage } from '../flows/content';
import { readPixels } from './readPixels';
import { t } from './strings';

type FormField = FormSpec['fields'][number];
type Value = string | number | boolean;

/** Props of {@link FormView}. */
export interface FormViewProps {
  readonly form: FormSpec;
  readonly language: WidgetLanguage;
  readonly onSubmit: (values: ActionPayload) => void;
  /** Pre-check of file fields (card materials); file fields are hidden without it. */
  readonly onUpload?: (field: string, file: File) => Promise<void> | void;
  readonly uploads?: Readonly<Record<string, UploadCheck>>;
  /** Extra condition for enabling submit (e.g. required uploads passed). */
  readonly canSubmit?: boolean;
}

function missingRequired(form: FormSpec, values: Record<string, Value>): boolean {
  return form.fields.some(
    (f) => f.required && f.kind !== 'file' && (values[f.name] === undefined || values[f.name] === ''),
  );
}

/** A `ui.form`, rendered with native controls (choices as radio buttons, large enough to tap). */
export function FormView(props: FormViewProps): ReactNode {
  const { form, language: lang } = props;
  const [values, setValues] = useState<Record<string, Value>>({});
  const set = (name: string, v: Value) => setValues((old) => ({ ...old, [name]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(values);
  };
  const disabled = missingRequired(form, values) || props.canSubmit === false;
  return (
    <form className="dh-card dh-form" onSubmit={submit} aria-label={form.title} data-form-id={form.formId}>
      <h2 className="dh-h">{form.title}</h2>
      {form.fields.map((f) => (
        <Field key={f.name} field={f} value={values[f.name]} set={set} {...props} />
      ))}
      <button type="submit" className="dh-btn" data-primary="true" disabled={disabled}>
        {form.submitLabel ?? t('submit', lang)}
      </button>
    </form>
  );
}

function Field(
  props: FormViewProps & { field: FormField; value: Value | undefined; set: (n: string, v: Value) => void },
): ReactNode {
  const { field: f, value, set, language: lang } = props;
  const id = `dh-${props.form.formId}-${f.name}`;
  if (f.kind === 'select' && f.options)
    return (
      <fieldset className="dh-field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>{f.label}</legend>
        {f.options.map((o) => (
          <label key={o.id} className="dh-check">
            <input type="radio" name={id} checked={value === o.id} onChange={() => set(f.name, o.id)} />
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  if (f.kind === 'checkbox')
    return (
      <label className="dh-check">
        <input type="checkbox" checked={value === true} onChange={(e) => set(f.name, e.target.checked)} />
        {f.label}
      </label>
    );
  if (f.kind === 'file') {
    if (!props.onUpload) return null;
    const check = props.uploads?.[f.name];
    const onUpload = props.onUpload;
    return (
      <div className="dh-field">
        <label htmlFor={id}>
          {f.label}
          {f.required ? ' *' : ''}
        </label>
        <input
          id={id}
          type="file"
          accept="image/*"
          data-field={f.name}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void onUpload(f.name, file);
          }}
        />
        {f.hint ? <span className="dh-hint">{f.hint}</span> : null}
        {check ? (
          <span className={check.result.ok ? 'dh-good' : 'dh-bad'} role="status">
            {check.result.ok ? t('uploadOk', lang) : check.result.problems.map((p) => t(p, lang)).join('；')}
          </span>
        ) : null}
      </div>
    );
  }
  const type = f.kind === 'phone' ? 'tel' : f.kind;
  return (
    <div className="dh-field">
      <label htmlFor={id}>{f.label}</label>
      <input
        id={id}
        type={type}
        inputMode={f.kind === 'number' ? 'decimal' : undefined}
        value={typeof value === 'string' || typeof value === 'number' ? value : ''}
        onChange={(e) => set(f.name, f.kind === 'number' ? Number(e.target.value) : e.target.value)}
      />
      {f.hint ? <span className="dh-hint">{f.hint}</span> : null}
    </div>
  );
}

/** Pre-checks an uploaded file with `check` (decoding it on the device first). */
export async function uploadWith(
  file: File,
  check: (
    meta: { name: string; type: string; size: number },
    pixels: Awaited<ReturnType<typeof readPixels>>,
  ) => void,
): Promise<void> {
  check({ name: file.name, type: file.type, size: file.size }, await readPixels(file));
}
