import type { JsonMessage, Transport } from '@digital-human/protocol';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { AnalyticsAdapter } from '../flows/analytics';
import type { OutgoingMessage, WidgetLanguage } from '../flows/content';
import type { FlowModel, FlowModelOptions } from '../flows/FlowModel';
import { linkTransport } from '../flows/linkTransport';

/** A transport-like source of decoded dialog messages. */
export interface MessageSource {
  /** Calls `fn` with every message; returns the unsubscribe function. */
  subscribe(fn: (message: JsonMessage) => void): () => void;
}

/**
 * Props every flow widget takes. The drop-in way: pass a `transport` (the local one, or LiveKit's) and the widget
 * talks to the dialog service over it. Or pass a `source` and `sink` (or feed a `flow` model yourself).
 */
export interface FlowWidgetProps<M> {
  /**
   * The link to the dialog service (`LocalTransport` from `@digital-human/dialog/local`, or the LiveKit one). The
   * app owns it (connects and disposes it, shares it with the avatar); the widget only listens and sends.
   */
  readonly transport?: Transport;
  /** A customer message could not be sent over `transport`. */
  readonly onTransportError?: (error: Error) => void;
  /** The flow model (headless); when absent the widget creates one. */
  readonly flow?: M;
  /** Where dialog messages come from (optional when the app feeds `flow.receive` itself). */
  readonly source?: MessageSource;
  /** Where the customer's actions go (optional when the app listens to the model's `send` event). */
  readonly sink?: (message: OutgoingMessage) => void;
  /** The bank's analytics adapter (used when the widget creates the model). */
  readonly analytics?: AnalyticsAdapter;
  readonly language?: WidgetLanguage;
  readonly layout?: 'mobile' | 'kiosk';
  /** The avatar element, e.g. `<DigitalHuman/>` from `@digital-human/react`. */
  readonly avatar?: ReactNode;
  /** Start the flow on mount (default true). */
  readonly autoStart?: boolean;
}

const started = new WeakSet<object>();

/** The model for a widget: the given one or a new one, wired to `source`/`sink`, started once. */
export function useFlowModel<M extends FlowModel<string, unknown>>(
  props: FlowWidgetProps<M>,
  create: (options: FlowModelOptions) => M,
): M {
  const [own] = useState(() =>
    props.flow
      ? undefined
      : create({
          ...(props.analytics ? { analytics: props.analytics } : {}),
          ...(props.language ? { language: props.language } : {}),
        }),
  );
  const model = (props.flow ?? own) as M;
  const { source, sink, language, autoStart, transport } = props;
  const onError = useRef(props.onTransportError);
  onError.current = props.onTransportError;
  useEffect(
    () => (transport ? linkTransport(model, transport, { onError: (e) => onError.current?.(e) }) : undefined),
    [transport, model],
  );
  useEffect(() => source?.subscribe((m) => model.receive(m)), [source, model]);
  useEffect(() => (sink ? model.on('send', sink) : undefined), [sink, model]);
  useEffect(() => {
    if (language) model.setLanguage(language);
  }, [language, model]);
  useEffect(() => {
    if (autoStart === false || started.has(model)) return;
    started.add(model);
    model.start();
  }, [autoStart, model]);
  useEffect(() => () => (own ? own.dispose() : undefined), [own]);
  return model;
}
