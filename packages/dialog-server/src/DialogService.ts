import { Emitter } from '@digital-human/core';
import type { SayRequest } from '@digital-human/dialog';
import { espeakSynthesis, type SpeechSynthesis, type SpokenUtterance } from '@digital-human/dialog/local';
import { RoomEvent } from '@livekit/rtc-node';
import { DialogServerError } from './DialogServerError';
import { RoomLink } from './RoomLink';
import { Session, type SessionOptions } from './Session';
import { type CustomerGrant, createTokenHandler, type TokenRequestHandler } from './token/createTokenHandler';
import { mintToken } from './token/mintToken';
import { WorkerSynthesis } from './WorkerSynthesis';

/** Options of a {@link DialogService}. Key and secret come from the server's config or env, never a request. */
export interface DialogServiceOptions {
  /** The LiveKit URL the agents connect to, e.g. `ws://127.0.0.1:7880`. */
  readonly livekitUrl: string;
  /** The LiveKit URL handed to browsers (default `livekitUrl`). */
  readonly publicUrl?: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Enables operator tokens (see the token endpoint); unset: none are issued. */
  readonly operatorSecret?: string | undefined;
  /**
   * Per-session options (engine, synthesis, speech pacing). Without `synthesis`, every session shares one
   * {@link WorkerSynthesis} (espeak-ng on a worker thread, so synthesis never blocks acks, RPCs and audio).
   */
  readonly session?: Omit<SessionOptions, 'link' | 'customerIdentity' | 'language'>;
  /** Close a session whose customer is absent this long (never came, or left without resuming). Default 60 s. */
  readonly absentTimeoutMs?: number;
}

/** Events of a {@link DialogService}. */
export interface DialogServiceEvents {
  /** A session started: its agent joined `room` (attach handoff logic to `session.events` here). */
  session: { readonly room: string; readonly session: Session };
  /** A session ended and its agent left. */
  closed: { readonly room: string };
  /** A session could not start, or failed. */
  error: DialogServerError;
}

interface Live {
  readonly session: Session;
  readonly link: RoomLink;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * The reference dialog service: its token endpoint ({@link DialogService.tokenHandler}) gives each customer a new
 * room, and before answering joins an agent there (`dh.role: agent`) that runs a {@link Session}. Sessions end
 * when their customer stays away (`absentTimeoutMs`) or on {@link DialogService.dispose}. Call rtc-node's
 * `dispose()` after disposing the last service of the process.
 */
export class DialogService {
  /** The service's events. */
  readonly events = new Emitter<DialogServiceEvents>();
  /** `POST /api/dh/token`, as a `node:http` handler or middleware. */
  readonly tokenHandler: TokenRequestHandler;
  private readonly live = new Map<string, Live>();
  private worker: WorkerSynthesis | undefined;
  private inThread: Promise<SpeechSynthesis> | undefined;
  private disposed = false;

  constructor(private readonly options: DialogServiceOptions) {
    this.tokenHandler = createTokenHandler({
      livekitUrl: options.publicUrl ?? options.livekitUrl,
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      operatorSecret: options.operatorSecret,
      onCustomer: (grant) => this.start(grant),
      isLive: (room, identity) => this.live.get(room)?.session.customerIdentity === identity,
      hasRoom: (room) => this.live.has(room),
    });
  }

  /** The session of `room`, if it lives. */
  session(room: string): Session | undefined {
    return this.live.get(room)?.session;
  }

  /** Rooms with a live session. */
  get rooms(): readonly string[] {
    return [...this.live.keys()];
  }

  /** Ends every session (agents leave their rooms). */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await Promise.all([...this.live.keys()].map((room) => this.close(room)));
    this.worker?.dispose();
    void this.inThread?.then((s) => s.dispose()).catch(() => undefined);
    this.events.removeAllListeners();
  }

  /** Joins the agent for a granted customer (a resume of a live session keeps it). */
  private async start(grant: CustomerGrant): Promise<void> {
    if (this.disposed) throw DialogServerError.disposed('start()');
    if (grant.resumed && this.live.has(grant.room)) return;
    const link = new RoomLink(grant.identity);
    const session = new Session({
      synthesis: () => Promise.resolve(this.sharedSynthesis()),
      ...this.options.session,
      link,
      customerIdentity: grant.identity,
      language: grant.language,
    });
    const live: Live = { session, link, timer: undefined };
    this.live.set(grant.room, live);
    const agent = `agent-${grant.room.slice(3)}`;
    const token = await mintToken(this.options, grant.room, agent, 'agent');
    try {
      await link.connect(this.options.livekitUrl, token, session);
    } catch (e) {
      await this.close(grant.room);
      const error = e instanceof DialogServerError ? e : DialogServerError.roomFailed('agent join failed', e);
      this.events.emit('error', error);
      throw error;
    }
    link.room.on(RoomEvent.ParticipantConnected, (p) => {
      if (p.identity === grant.identity) this.present(live);
    });
    link.room.on(RoomEvent.ParticipantDisconnected, (p) => {
      if (p.identity === grant.identity) this.absent(grant.room, live);
    });
    link.room.on(RoomEvent.Disconnected, () => void this.close(grant.room));
    if (!link.customerPresent) this.absent(grant.room, live);
    this.events.emit('session', { room: grant.room, session });
  }

  /**
   * The shared worker, behind a view whose `dispose()` (called by each session) leaves it running. Should the
   * worker fail (e.g. a build without its file), synthesis falls back to this thread.
   */
  private sharedSynthesis(): SpeechSynthesis {
    this.worker ??= new WorkerSynthesis();
    const worker = this.worker;
    const synthesize = async (say: SayRequest): Promise<SpokenUtterance> => {
      try {
        return await worker.synthesize(say);
      } catch (e) {
        if (!worker.failed) throw e;
        this.inThread ??= espeakSynthesis();
        return (await this.inThread).synthesize(say);
      }
    };
    return { synthesize, dispose: () => undefined };
  }

  private present(live: Live): void {
    if (live.timer !== undefined) clearTimeout(live.timer);
    live.timer = undefined;
  }

  private absent(room: string, live: Live): void {
    this.present(live);
    live.timer = setTimeout(() => void this.close(room), this.options.absentTimeoutMs ?? 60_000);
  }

  private async close(room: string): Promise<void> {
    const live = this.live.get(room);
    if (!live) return;
    this.live.delete(room);
    this.present(live);
    live.session.dispose();
    await live.link.disconnect().catch(() => undefined);
    this.events.emit('closed', { room });
  }
}
