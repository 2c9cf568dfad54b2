import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import portraitUrl from '@digital-human/avatars/thumbnail.png?url';
import type { Language } from '@digital-human/core';
import { SpeechDriver } from '@digital-human/lipsync';
import {
  createDigitalHumanSession,
  DigitalHuman,
  DigitalHumanProvider,
  type DigitalHumanSession,
} from '@digital-human/react';
import {
  type AnalyticsAdapter,
  BranchGreeterFlow,
  BranchGreeterWidget,
  CardApplicationWidget,
  FinancialAdvisorWidget,
  type WidgetAnalyticsEvent,
  type WidgetLayout,
} from '@digital-human/widgets';
import { createElement, type FunctionComponent } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Conversation } from './Conversation';

/** The showcase's tabs: the free chat and the three drop-in flows. */
export type ShowcaseTab = 'chat' | 'card' | 'greeter' | 'advisor';

/** Tab labels, zh-CN and en. */
export const TAB_LABELS: Record<ShowcaseTab, Record<Language, string>> = {
  chat: { 'zh-CN': '智能对话', en: 'Chat' },
  card: { 'zh-CN': '办卡', en: 'Card application' },
  greeter: { 'zh-CN': '网点迎宾', en: 'Branch greeter' },
  advisor: { 'zh-CN': '理财顾问', en: 'Financial advisor' },
};

type WidgetComponent = FunctionComponent<{
  transport: Conversation['transport'];
  avatar: ReturnType<typeof createElement>;
  language: Language;
  layout: WidgetLayout;
  analytics: AnalyticsAdapter;
}>;

const WIDGETS: Record<Exclude<ShowcaseTab, 'chat'>, WidgetComponent> = {
  card: CardApplicationWidget as WidgetComponent,
  greeter: BranchGreeterWidget as WidgetComponent,
  advisor: FinancialAdvisorWidget as WidgetComponent,
};

/** Portrait screens at least this wide get the kiosk layout. */
const KIOSK_MIN_WIDTH = 768;

/**
 * The drop-in flow widgets in the showcase: one React root on `container` renders the chosen widget with the
 * talking avatar (`<DigitalHuman/>`, its mouth driven by the conversation's viseme scheduler) over the showcase's
 * own LocalTransport, so the chat and the flows share one dialog engine.
 */
export class FlowsView {
  /** Analytics events of the flows, newest last (the dev hook reads them). */
  readonly events: WidgetAnalyticsEvent[] = [];
  private readonly root: Root;
  private readonly session: DigitalHumanSession;
  private readonly analytics: AnalyticsAdapter = { track: (e) => this.events.push(e) };
  private tab: ShowcaseTab = 'chat';
  /** The greeter's model while its tab is shown: camera presence wakes it and sends it back to its attract loop. */
  private greeter: BranchGreeterFlow | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly conversation: Conversation,
  ) {
    this.root = createRoot(container);
    this.session = createDigitalHumanSession({ store: conversation.store });
    this.session.mixer.addDriver(new SpeechDriver(conversation.scheduler));
  }

  /** The tab shown. */
  get current(): ShowcaseTab {
    return this.tab;
  }

  /** Shows `tab` in `language` (the chat tab renders nothing here). */
  show(tab: ShowcaseTab, language: Language): void {
    this.tab = tab;
    this.container.hidden = tab === 'chat';
    if (tab === 'chat') {
      this.root.render(null);
      return;
    }
    const kiosk = innerWidth >= KIOSK_MIN_WIDTH && innerHeight > innerWidth;
    const avatar = createElement(DigitalHuman, {
      src: avatarUrl,
      portrait: portraitUrl,
      captions: false,
      framing: 'bust',
    });
    this.greeter = tab === 'greeter' ? new BranchGreeterFlow({ analytics: this.analytics, language }) : null;
    const widget = createElement(WIDGETS[tab], {
      // A new tab or language starts a fresh flow.
      key: `${tab}-${language}`,
      ...(this.greeter ? { flow: this.greeter } : {}),
      transport: this.conversation.transport,
      avatar,
      language,
      layout: kiosk ? 'kiosk' : 'mobile',
      analytics: this.analytics,
    });
    this.root.render(createElement(DigitalHumanProvider, { session: this.session }, widget));
  }

  /** A customer arrived in front of the camera (true) or left (false): the greeter wakes or says goodbye. */
  presence(present: boolean): void {
    this.greeter?.presence(present);
  }

  /** Unmounts the widget and releases the avatar session. */
  dispose(): void {
    this.root.unmount();
    this.session.dispose();
  }
}
