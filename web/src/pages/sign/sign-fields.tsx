import type { CSSProperties } from 'react';
import type { SigningField } from '../../api/use-signing.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { isOpen, type Values } from './field-state.js';
import classes from './sign.module.css';
import type { Signature } from './signature-modal.js';

type Props = {
  field: SigningField;
  name: string;
  values: Values;
  signature: Signature | null;
  refOf: (id: string) => (element: HTMLElement | null) => void;
  onSign: () => void;
  onValue: (id: string, value: string | boolean) => void;
};

/** One of the recipient's fields over its place on the page: a button to sign, an input, or what will be filled. */
export function SignField({ field, name, values, signature, refOf, onSign, onValue }: Props) {
  const { t, fmt } = useI18n();
  const style = {
    left: `${field.x * 100}%`,
    top: `${field.y * 100}%`,
    width: `${field.w * 100}%`,
    height: `${field.h * 100}%`,
  } as CSSProperties;
  const typeName = field.label ?? t(`signing.type.${field.type}`);
  const open = isOpen(field, values, signature);
  const common = { style, 'data-open': open || undefined, 'data-field-type': field.type, ref: refOf(field.id) };
  switch (field.type) {
    case 'signature':
    case 'initials':
      return (
        <button
          type="button"
          className={classes.field}
          {...common}
          aria-label={t(signature ? 'signPage.field.change' : 'signPage.field.sign', { type: typeName })}
          onClick={onSign}
        >
          {signature?.kind === 'drawn' ? (
            <img className={classes.ink} src={`data:image/png;base64,${signature.png}`} alt="" />
          ) : signature?.kind === 'typed' ? (
            <span className={classes.typedInField}>{signature.text}</span>
          ) : (
            t(field.type === 'initials' ? 'signPage.field.initialsHere' : 'signPage.field.signHere')
          )}
        </button>
      );
    case 'text':
      return (
        <input
          className={classes.input}
          {...common}
          aria-label={typeName}
          placeholder={typeName}
          aria-required={field.required}
          maxLength={500}
          value={String(values[field.id] ?? '')}
          onChange={(event) => onValue(field.id, event.currentTarget.value)}
        />
      );
    case 'checkbox':
      return (
        <span className={classes.box} {...common}>
          <input
            type="checkbox"
            aria-label={typeName}
            aria-required={field.required}
            checked={values[field.id] === true}
            onChange={(event) => onValue(field.id, event.currentTarget.checked)}
          />
        </span>
      );
    case 'name':
      return (
        <span className={classes.filled} {...common} title={typeName}>
          {name}
        </span>
      );
    case 'date_signed':
      return (
        <span className={classes.filled} {...common} title={typeName}>
          {fmt.date(new Date())}
        </span>
      );
  }
}
