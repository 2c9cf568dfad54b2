import { DialogServerError } from './DialogServerError';

/** The dialog service's settings, from the environment (never from a request or the browser). */
export interface DialogServerConfig {
  /** `LIVEKIT_URL`: where agents connect (default ws://127.0.0.1:7880). */
  readonly livekitUrl: string;
  /** `LIVEKIT_PUBLIC_URL`: what browsers get (default `livekitUrl`). */
  readonly publicUrl: string;
  /** `LIVEKIT_API_KEY` (required). */
  readonly apiKey: string;
  /** `LIVEKIT_API_SECRET` (required). */
  readonly apiSecret: string;
  /** `DH_OPERATOR_SECRET`: enables operator tokens; unset, none are issued. */
  readonly operatorSecret: string | undefined;
  /** `DH_DIALOG_HOST` (default 127.0.0.1). */
  readonly host: string;
  /** `DH_DIALOG_PORT` (default 8787; 0 = any free port). */
  readonly port: number;
}

/** Reads the config from `env`; throws a `config` {@link DialogServerError} when the API key or secret is missing. */
export function readDialogServerConfig(
  env: Readonly<Record<string, string | undefined>>,
): DialogServerConfig {
  const apiKey = env.LIVEKIT_API_KEY;
  const apiSecret = env.LIVEKIT_API_SECRET;
  if (!apiKey || !apiSecret) throw DialogServerError.config('set LIVEKIT_API_KEY and LIVEKIT_API_SECRET');
  const livekitUrl = env.LIVEKIT_URL ?? 'ws://127.0.0.1:7880';
  if (!/^wss?:\/\//.test(livekitUrl)) throw DialogServerError.config('LIVEKIT_URL must be ws:// or wss://');
  const port = Number(env.DH_DIALOG_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw DialogServerError.config('bad DH_DIALOG_PORT');
  return {
    livekitUrl,
    publicUrl: env.LIVEKIT_PUBLIC_URL ?? livekitUrl,
    apiKey,
    apiSecret,
    operatorSecret: env.DH_OPERATOR_SECRET || undefined,
    host: env.DH_DIALOG_HOST ?? '127.0.0.1',
    port,
  };
}
