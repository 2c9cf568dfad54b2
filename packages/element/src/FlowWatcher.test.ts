import { describe, expect, it } from 'vitest';
import { FlowWatcher } from './FlowWatcher';

describe('FlowWatcher', () => {
  it('reports a flow once when it reaches survey or done, and again on a later visit', () => {
    const completed: string[] = [];
    const watcher = new FlowWatcher((flow) => completed.push(flow));
    watcher.observe('card_application', 'intro');
    watcher.observe('card_application', 'apply');
    expect(completed).toEqual([]);
    watcher.observe('card_application', 'survey');
    watcher.observe('card_application', 'done');
    expect(completed).toEqual(['card_application']);
    watcher.observe(undefined, undefined);
    watcher.observe('branch_greeter', 'done');
    watcher.observe('card_application', 'done');
    expect(completed).toEqual(['card_application', 'branch_greeter', 'card_application']);
  });

  it('ignores states without a flow or a step', () => {
    const completed: string[] = [];
    const watcher = new FlowWatcher((flow) => completed.push(flow));
    watcher.observe(undefined, 'done');
    watcher.observe('financial_advisor', undefined);
    expect(completed).toEqual([]);
  });
});
