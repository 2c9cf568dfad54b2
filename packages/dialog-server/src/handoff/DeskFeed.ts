import type { ServerResponse } from 'node:http';
import type { HandoffDesk } from './HandoffDesk';
import type { HandoffTicket, OperatorProfile } from './handoffTypes';

/** What the console shows, sent as the `view` event of the feed. */
export interface DeskView {
  readonly operator: OperatorProfile;
  /** Requests waiting that this operator should see, best first. */
  readonly queue: readonly HandoffTicket[];
  /** Sessions this operator holds, live first. */
  readonly held: readonly HandoffTicket[];
  /** The session this operator drives now. */
  readonly live: string | undefined;
}

/** Changes are coalesced into one `view` per this many ms. */
const COALESCE_MS = 25;
/** A comment line keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;

/**
 * One operator's live feed of the desk as server-sent events: `view` (queue and held sessions, re-sent on every
 * change, coalesced), `assist` (suggestions and facts for the sessions they drive) and `security` (someone without
 * the operator role tried operator control). The operator is online while the feed is open.
 */
export class DeskFeed {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly keepalive: ReturnType<typeof setInterval>;
  private readonly offs: (() => void)[];
  private closed = false;

  constructor(
    private readonly desk: HandoffDesk,
    private readonly operator: OperatorProfile,
    private readonly res: ServerResponse,
  ) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.operator = desk.operatorOnline(operator.id, operator);
    const e = desk.events;
    this.offs = [
      e.on('changed', () => this.schedule()),
      e.on('removed', () => this.schedule()),
      e.on('assist', (note) => {
        if (note.operatorId === this.operator.id) this.write('assist', note);
      }),
      e.on('security', (event) => this.write('security', event)),
    ];
    this.keepalive = setInterval(() => this.res.write(': keepalive\n\n'), KEEPALIVE_MS);
    res.on('close', () => this.close());
    this.sendView();
  }

  /** Stops the feed; the operator goes offline (the sessions they hold stay theirs). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const off of this.offs) off();
    clearInterval(this.keepalive);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.desk.operatorOffline(this.operator.id);
    this.res.end();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sendView();
    }, COALESCE_MS);
  }

  private sendView(): void {
    const id = this.operator.id;
    const view: DeskView = {
      operator: this.operator,
      queue: this.desk.queueFor(id),
      held: this.desk.heldBy(id),
      live: this.desk.liveSessionOf(id),
    };
    this.write('view', view);
  }

  private write(event: string, data: unknown): void {
    if (this.closed) return;
    this.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
}
