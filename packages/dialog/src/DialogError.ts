/** Why the dialog engine or one of its adapters failed. */
export const DialogErrorCode = {
  /** A hook for this flow is already registered. */
  flowExists: 'flow-exists',
  /** A flow hook threw or rejected. */
  flowFailed: 'flow-failed',
  /** The LLM endpoint answered with an HTTP error. */
  llmHttp: 'llm-http',
  /** The LLM endpoint did not answer in time. */
  llmTimeout: 'llm-timeout',
  /** The LLM endpoint could not be reached. */
  llmNetwork: 'llm-network',
  /** The LLM endpoint's answer was not a chat completion. */
  llmBadResponse: 'llm-bad-response',
  /** The engine was used after `dispose()`. */
  disposed: 'disposed',
} as const;
/** One of the {@link DialogErrorCode} values. */
export type DialogErrorCode = (typeof DialogErrorCode)[keyof typeof DialogErrorCode];

/** A typed dialog failure with a code, a message prefixed with the owner, and the cause. */
export class DialogError extends Error {
  override readonly name = 'DialogError';
  /** Machine-readable reason. */
  readonly code: DialogErrorCode;
  /** HTTP status for 'llm-http'. */
  readonly status: number | undefined;

  constructor(code: DialogErrorCode, reason: string, options: { cause?: unknown; status?: number } = {}) {
    super(
      `DigitalHuman dialog: ${reason}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.status = options.status;
  }

  /** A hook for `flow` already exists. */
  static flowExists(flow: string): DialogError {
    return new DialogError(DialogErrorCode.flowExists, `a hook for flow '${flow}' is already registered`);
  }

  /** A flow hook failed. */
  static flowFailed(flow: string, cause: unknown): DialogError {
    return new DialogError(DialogErrorCode.flowFailed, `flow hook '${flow}' failed`, { cause });
  }

  /** The LLM endpoint answered `status`. */
  static llmHttp(status: number, body: string): DialogError {
    return new DialogError(
      DialogErrorCode.llmHttp,
      `LLM endpoint answered HTTP ${status}: ${body.slice(0, 200)}`,
      {
        status,
      },
    );
  }

  /** The LLM endpoint timed out. */
  static llmTimeout(ms: number): DialogError {
    return new DialogError(DialogErrorCode.llmTimeout, `LLM endpoint did not answer within ${ms} ms`);
  }

  /** The LLM endpoint was unreachable. */
  static llmNetwork(cause: unknown): DialogError {
    return new DialogError(DialogErrorCode.llmNetwork, 'LLM endpoint unreachable', { cause });
  }

  /** The LLM endpoint's answer could not be read. */
  static llmBadResponse(reason: string, cause?: unknown): DialogError {
    return new DialogError(DialogErrorCode.llmBadResponse, `LLM answer unreadable: ${reason}`, { cause });
  }

  /** Used after dispose. */
  static disposed(): DialogError {
    return new DialogError(DialogErrorCode.disposed, 'the engine was disposed');
  }
}
