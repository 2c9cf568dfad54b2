import { DigitalHumanError } from '@digital-human/core';

/** Codes of {@link WidgetError}. */
export const WidgetErrorCode = {
  /** The model was disposed. */
  disposed: 'disposed',
  /** The action needs something the current step does not show (no form, no survey, ...). */
  notAvailable: 'not-available',
  /** The disclosure must be scrolled to the end before it can be acknowledged. */
  disclosureUnread: 'disclosure-unread',
  /** Input out of range (survey score, missing answer). */
  invalidInput: 'invalid-input',
  /** Uploaded materials failed the pre-check. */
  materialsRejected: 'materials-rejected',
} as const;
/** One of the {@link WidgetErrorCode} values. */
export type WidgetErrorCode = (typeof WidgetErrorCode)[keyof typeof WidgetErrorCode];

/** An error of a flow model: refused actions carry the reason as `code`. */
export class WidgetError extends DigitalHumanError<WidgetErrorCode> {
  static override readonly owner = 'DigitalHuman.Widgets';
  override readonly name = 'WidgetError';

  /** The model was used after dispose(). */
  static modelDisposed(what: string): WidgetError {
    return new WidgetError(WidgetErrorCode.disposed, `${what} was used after dispose()`);
  }

  /** The step shows no `what`. */
  static notAvailable(flow: string, what: string): WidgetError {
    return new WidgetError(WidgetErrorCode.notAvailable, `the ${flow} flow shows no ${what} now`);
  }

  /** The disclosure was not read to the end. */
  static disclosureUnread(disclosureId: string): WidgetError {
    return new WidgetError(
      WidgetErrorCode.disclosureUnread,
      `disclosure '${disclosureId}' must be scrolled to the end before it is acknowledged`,
    );
  }

  /** An input is out of range. */
  static invalidInput(flow: string, field: string): WidgetError {
    return new WidgetError(WidgetErrorCode.invalidInput, `invalid '${field}' in the ${flow} flow`);
  }

  /** Materials failed the pre-check. */
  static materialsRejected(fields: readonly string[]): WidgetError {
    return new WidgetError(
      WidgetErrorCode.materialsRejected,
      `materials failed the pre-check: ${fields.join(', ')}`,
    );
  }
}
