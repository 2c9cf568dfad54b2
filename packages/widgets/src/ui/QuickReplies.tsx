import type { ReactNode } from 'react';
import type { QuickReply } from '../flows/content';

/** Tappable suggested replies. */
export function QuickReplies(props: {
  readonly replies: readonly QuickReply[];
  readonly onReply: (id: string) => void;
}): ReactNode {
  if (props.replies.length === 0) return null;
  return (
    <div className="dh-actions">
      {props.replies.map((r) => (
        <button key={r.id} type="button" className="dh-btn" onClick={() => props.onReply(r.id)}>
          {r.label}
        </button>
      ))}
    </div>
  );
}
