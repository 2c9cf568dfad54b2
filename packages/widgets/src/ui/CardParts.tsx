import type { ReactNode } from 'react';
import type { CardBody, CardList } from '../flows/content';

/** A stable hue 0..359 from an id, to draw each card face in its own colours. */
function hue(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 360;
  return h;
}

/** A card face drawn with CSS (no image URL is ever fetched). The name is rendered as text. */
export function CardFace({ card }: { readonly card: CardBody }): ReactNode {
  const h = hue(card.cardId);
  const background = `linear-gradient(135deg, hsl(${h} 55% 38%), hsl(${(h + 40) % 360} 60% 22%))`;
  return (
    <div className="dh-face" style={{ background }} aria-hidden="true">
      <span className="dh-face-chip" />
      <span className="dh-face-name">{card.title}</span>
    </div>
  );
}

/** Label/value lines of a card. */
export function CardFields({ card }: { readonly card: CardBody }): ReactNode {
  if (!card.fields?.length) return null;
  return (
    <dl className="dh-fields">
      {card.fields.map((f) => (
        <div key={f.label} style={{ display: 'contents' }}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Props of {@link CardView}. */
export interface CardViewProps {
  readonly card: CardBody;
  /** Draw the card face (for credit cards). */
  readonly face?: boolean;
  readonly onAction?: (actionId: string, card: CardBody) => void;
}

/** One card: face, title, subtitle, body, fields and buttons. */
export function CardView({ card, face, onAction }: CardViewProps): ReactNode {
  return (
    <article className="dh-card" data-card-id={card.cardId}>
      {face ? <CardFace card={card} /> : null}
      <h2 className="dh-h">{card.title}</h2>
      {card.subtitle ? <p style={{ margin: 0 }}>{card.subtitle}</p> : null}
      {card.body ? <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{card.body}</p> : null}
      <CardFields card={card} />
      {card.actions?.length && onAction ? (
        <div className="dh-actions">
          {card.actions.map((a, i) => (
            <button
              key={a.id}
              type="button"
              className="dh-btn"
              data-primary={i === 0}
              onClick={() => onAction(a.id, card)}
            >
              {a.label}
            </button>
          ))}
        </div>
      ) : null}
    </article>
  );
}

/** Several cards, plus a comparison table on the named field labels when there are two or more. */
export function CardCompare({
  list,
  face,
  onAction,
}: {
  readonly list: CardList;
  readonly face?: boolean;
  readonly onAction?: (actionId: string, card: CardBody) => void;
}): ReactNode {
  const compare = list.compare ?? [];
  const value = (c: CardBody, label: string) => c.fields?.find((f) => f.label === label)?.value ?? '—';
  return (
    <div className="dh-form">
      {list.title ? <h2 className="dh-h">{list.title}</h2> : null}
      {compare.length > 0 && list.cards.length > 1 ? (
        <table className="dh-compare">
          <thead>
            <tr>
              <th scope="col" />
              {list.cards.map((c) => (
                <th key={c.cardId} scope="col">
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {compare.map((label) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {list.cards.map((c) => (
                  <td key={c.cardId}>{value(c, label)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="dh-cards">
        {list.cards.map((c) => (
          <CardView
            key={c.cardId}
            card={{ ...c, fields: [] }}
            face={face ?? false}
            {...(onAction ? { onAction } : {})}
          />
        ))}
      </div>
    </div>
  );
}
