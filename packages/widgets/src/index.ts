/**
 * `@digital-human/widgets`: drop-in business-flow widgets. Headless flow models (framework-free typed state
 * machines over the protocol's `ui.*` messages and user actions, with analytics events for the bank's KPIs) and
 * React panels that render them.
 * @packageDocumentation
 */
export type {
  AnalyticsAdapter,
  DisclosureMark,
  DropOffReason,
  WidgetAnalyticsEvent,
  WidgetAnalyticsType,
} from './flows/analytics';
export { MemoryAnalytics, WidgetFlow } from './flows/analytics';
export type { GreeterExtra, GreeterSnapshot, GreeterStep } from './flows/BranchGreeterFlow';
export { BranchGreeterFlow, GREETER_STEPS } from './flows/BranchGreeterFlow';
export type {
  CardApplicationFlowOptions,
  CardFlowExtra,
  CardFlowSnapshot,
  CardStep,
  UploadCheck,
} from './flows/CardApplicationFlow';
export { CARD_STEPS, CardApplicationFlow } from './flows/CardApplicationFlow';
export type {
  ActionPayload,
  ActionValue,
  CaptionLine,
  CardBody,
  CardList,
  DisclosureView,
  FlowContent,
  FormSpec,
  OutgoingMessage,
  Product,
  QueueTicket,
  QuickReply,
  SurveyAnswer,
  SurveySpec,
  WidgetLanguage,
} from './flows/content';
export type { AdvisorExtra, AdvisorSnapshot, AdvisorStep } from './flows/FinancialAdvisorFlow';
export { ADVISOR_STEPS, FinancialAdvisorFlow } from './flows/FinancialAdvisorFlow';
export type { DistributiveOmit, FlowModelEvents, FlowModelOptions, FlowSnapshot } from './flows/FlowModel';
export { FlowModel } from './flows/FlowModel';
export type {
  ImagePixels,
  PrecheckLimits,
  PrecheckProblem,
  PrecheckResult,
  UploadMeta,
} from './flows/imagePrecheck';
export {
  DEFAULT_PRECHECK_LIMITS,
  downscaleGray,
  laplacianVariance,
  precheckImage,
} from './flows/imagePrecheck';
export type { LinkTransportOptions, TransportLinkable } from './flows/linkTransport';
export { linkTransport } from './flows/linkTransport';
export type { AllocationSlice, CustomerLevel } from './flows/riskLevel';
export { allocate, CUSTOMER_LEVELS, isSuitable, levelIndex, scoreQuestionnaire } from './flows/riskLevel';
export { WidgetError, WidgetErrorCode } from './flows/WidgetError';
export { AllocationChart, PastPerformance, ProductList } from './ui/AdvisorParts';
export type { BranchGreeterWidgetProps } from './ui/BranchGreeterWidget';
export { BranchGreeterWidget } from './ui/BranchGreeterWidget';
export type { CardApplicationWidgetProps } from './ui/CardApplicationWidget';
export { CardApplicationWidget } from './ui/CardApplicationWidget';
export type { CardViewProps } from './ui/CardParts';
export { CardCompare, CardFace, CardView } from './ui/CardParts';
export type { ContentViewProps } from './ui/ContentView';
export { ContentView } from './ui/ContentView';
export type { DisclosurePanelProps } from './ui/DisclosurePanel';
export { DisclosurePanel } from './ui/DisclosurePanel';
export type { FinancialAdvisorWidgetProps } from './ui/FinancialAdvisorWidget';
export { FinancialAdvisorWidget } from './ui/FinancialAdvisorWidget';
export type { FormViewProps } from './ui/FormView';
export { FormView } from './ui/FormView';
export { QuickReplies } from './ui/QuickReplies';
export { readPixels } from './ui/readPixels';
export { SurveyPanel } from './ui/SurveyPanel';
export type { StringKey } from './ui/strings';
export { t as widgetText } from './ui/strings';
export { WIDGET_CSS } from './ui/styles';
export { QrCode, TicketView } from './ui/TicketView';
export type { FlowWidgetProps, MessageSource } from './ui/useFlowModel';
export { useFlowModel } from './ui/useFlowModel';
export type { SnapshotSource } from './ui/useFlowSnapshot';
export { useFlowSnapshot } from './ui/useFlowSnapshot';
export type { WidgetLayout, WidgetShellProps } from './ui/WidgetShell';
export { WidgetShell } from './ui/WidgetShell';
