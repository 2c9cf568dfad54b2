import { Emitter } from '@digital-human/core';
import type { AssistNote, DeskView, HandoffSecurityEvent } from '@digital-human/dialog-server';
import type { RoomCredentials } from '@digital-human/livekit';

/** Who the console signs in as (dev: the operator secret; a bank puts its sign-on in front). */
export interface DeskLogin {
  readonly operatorId: string;
  readonly secret: string;
  readonly skills: readonly string[];
}

/** Events of a {@link DeskClient}. */
export interface DeskClientEvents {
  view: DeskView;
  assist: AssistNote;
  security: HandoffSecurityEvent;
  status: 'connecting' | 'online' | 'offline';
}

/** The dialog-server's operator desk, seen from the console: a server-sent event feed and a few commands. */
export class DeskClient {
  readonly events = new Emitter<DeskClientEvents>();
  private readonly abort = new AbortController();

  constructor(
    private readonly login: DeskLogin,
    private readonly base = '/api/dh/desk',
  ) {}

  /** Opens the feed; resolves once the first view arrived. Reconnects after a drop. */
  async connect(): Promise<void> {
    const first = new Promise<void>((resolve) => this.events.once('view', () => resolve()));
    void this.run();
    await first;
  }

  /** An operator token for `room` (the operator's own identity, `dh.role: operator`). */
  async join(room: string): Promise<RoomCredentials> {
    return (await this.post('/join', { room })) as RoomCredentials;
  }

  /** What the live session does when the operator switches to another one. */
  async setAway(mode: 'hold' | 'ai'): Promise<void> {
    await this.post('/away', { mode });
  }

  /** Closes the feed. */
  dispose(): void {
    this.abort.abort();
    this.events.removeAllListeners();
  }

  private headers(): Record<string, string> {
    return {
      authorization: `Bearer ${this.login.secret}`,
      'x-dh-operator': this.login.operatorId,
      'x-dh-skills': this.login.skills.join(','),
      'content-type': 'application/json',
    };
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`operator desk ${path} answered ${res.status}`);
    return res.json();
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      this.events.emit('status', 'connecting');
      try {
        await this.read();
      } catch {
        // dropped: retry below
      }
      if (this.abort.signal.aborted) return;
      this.events.emit('status', 'offline');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  private async read(): Promise<void> {
    const res = await fetch(`${this.base}/feed`, { headers: this.headers(), signal: this.abort.signal });
    if (!res.ok || !res.body) throw new Error(`operator desk feed answered ${res.status}`);
    this.events.emit('status', 'online');
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        this.dispatch(buffer.slice(0, i));
        buffer = buffer.slice(i + 2);
      }
    }
  }

  private dispatch(block: string): void {
    let event = '';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (!data) return;
    const payload: unknown = JSON.parse(data);
    if (event === 'view') this.events.emit('view', payload as DeskView);
    else if (event === 'assist') this.events.emit('assist', payload as AssistNote);
    else if (event === 'security') this.events.emit('security', payload as HandoffSecurityEvent);
  }
}
