/** Steps at which the reference flows count as completed (the survey is offered; the flow is done). */
const COMPLETED_STEPS: ReadonlySet<string> = new Set(['survey', 'done']);

/**
 * Watches `dialog.state` flow/step pairs and reports each flow's completion once per visit: when a flow reaches
 * its `survey` or `done` step (as the widgets' flow models count it). Leaving the flow re-arms it.
 */
export class FlowWatcher {
  private current: string | undefined;
  private reported = false;

  constructor(private readonly onCompleted: (flow: string) => void) {}

  /** Feeds one `dialog.state`'s flow and step. */
  observe(flow: string | undefined, step: string | undefined): void {
    if (flow !== this.current) {
      this.current = flow;
      this.reported = false;
    }
    if (flow === undefined || step === undefined || this.reported) return;
    if (!COMPLETED_STEPS.has(step)) return;
    this.reported = true;
    this.onCompleted(flow);
  }
}
