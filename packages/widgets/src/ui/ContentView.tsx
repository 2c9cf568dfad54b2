import type { ReactNode } from 'react';
import type { UploadCheck } from '../flows/CardApplicationFlow';
import type { ActionPayload, CardBody, FlowContent, SurveyAnswer, WidgetLanguage } from '../flows/content';
import { CardCompare, CardView } from './CardParts';
import { DisclosurePanel } from './DisclosurePanel';
import { FormView } from './FormView';
import { QuickReplies } from './QuickReplies';
import { SurveyPanel } from './SurveyPanel';
import { TicketView } from './TicketView';

/** Props of {@link ContentView}. */
export interface ContentViewProps {
  readonly content: FlowContent;
  readonly language: WidgetLanguage;
  /** Draw card faces (credit cards). */
  readonly faces?: boolean;
  readonly onCardAction: (actionId: string, card: CardBody) => void;
  readonly onSubmit: (values: ActionPayload) => void;
  readonly onReply: (replyId: string) => void;
  readonly onScrolled: () => void;
  readonly onAcknowledge: () => void;
  readonly onSurvey: (answer: SurveyAnswer) => void;
  readonly onUpload?: (field: string, file: File) => Promise<void> | void;
  readonly uploads?: Readonly<Record<string, UploadCheck>>;
  readonly canSubmit?: boolean;
  /** Hide the disclosure's own acknowledge button. */
  readonly hideAck?: boolean;
}

/** Renders whatever the dialog put on screen for the step, in a fixed order. All wire text is rendered as text. */
export function ContentView(p: ContentViewProps): ReactNode {
  const c = p.content;
  const lang = p.language;
  const formExtras = {
    ...(p.onUpload ? { onUpload: p.onUpload } : {}),
    ...(p.uploads ? { uploads: p.uploads } : {}),
    ...(p.canSubmit !== undefined ? { canSubmit: p.canSubmit } : {}),
  };
  return (
    <>
      {c.ticket ? <TicketView ticket={c.ticket} language={lang} /> : null}
      {c.cards ? <CardCompare list={c.cards} face={p.faces ?? false} onAction={p.onCardAction} /> : null}
      {c.card ? <CardView card={c.card} face={p.faces ?? false} onAction={p.onCardAction} /> : null}
      {c.disclosure ? (
        <DisclosurePanel
          disclosure={c.disclosure}
          language={lang}
          onScrolledToEnd={p.onScrolled}
          onAcknowledge={p.onAcknowledge}
          hideAck={p.hideAck ?? false}
        />
      ) : null}
      {c.form ? (
        <FormView key={c.form.formId} form={c.form} language={lang} onSubmit={p.onSubmit} {...formExtras} />
      ) : null}
      {c.survey ? <SurveyPanel survey={c.survey} language={lang} onSubmit={p.onSurvey} /> : null}
      {c.quickReplies ? <QuickReplies replies={c.quickReplies} onReply={p.onReply} /> : null}
    </>
  );
}
