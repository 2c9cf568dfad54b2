import { createBranchGreeterHook } from './branchGreeterHook';
import { createCardApplicationHook } from './cardApplicationHook';
import { FlowRegistry } from './FlowRegistry';
import { createFinancialAdvisorHook } from './financialAdvisorHook';

/** A registry with the three business flows (card application, branch greeter, financial advisor) registered. */
export function createBusinessFlows(registry: FlowRegistry = new FlowRegistry()): FlowRegistry {
  registry.register(createCardApplicationHook());
  registry.register(createBranchGreeterHook());
  registry.register(createFinancialAdvisorHook());
  return registry;
}
