import type { ReactNode } from 'react';
import { encode } from 'uqr';
import type { QueueTicket, WidgetLanguage } from '../flows/content';
import { t } from './strings';

/** A QR code of `data` as an SVG (one path of unit squares; the data is plain text, never fetched). */
export function QrCode({ data, label }: { readonly data: string; readonly label: string }): ReactNode {
  const qr = encode(data, { ecc: 'M', border: 2 });
  let d = '';
  qr.data.forEach((row, y) => {
    row.forEach((on, x) => {
      if (on) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg
      className="dh-qr"
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

/** A queue ticket: number, business type, estimated wait and a QR code to follow it on the phone. */
export function TicketView({
  ticket,
  language: lang,
}: {
  readonly ticket: QueueTicket;
  readonly language: WidgetLanguage;
}): ReactNode {
  const minutes =
    ticket.estimatedWaitMs === undefined ? undefined : Math.round(ticket.estimatedWaitMs / 60_000);
  return (
    <article className="dh-card dh-ticket" aria-label={t('ticketNumber', lang)} data-testid="ticket">
      <span>{t('ticketNumber', lang)}</span>
      <span className="dh-ticket-number">{ticket.number}</span>
      <span>{ticket.businessType}</span>
      {minutes !== undefined ? (
        <span>
          {t('waitAbout', lang)} {minutes} {t('minutes', lang)}
        </span>
      ) : null}
      {ticket.qr ? <QrCode data={ticket.qr} label={ticket.number} /> : null}
    </article>
  );
}
