import type { ReactElement } from "react";
import type { NotificationFrame, NotificationKind, NotificationMessage } from "@/lib/notifications/messages";

export type MessageOf<K extends NotificationKind> = Extract<NotificationMessage, { kind: K }>;

export type EmailProps<K extends NotificationKind> = { message: MessageOf<K>; frame: NotificationFrame };

/** One kind's e-mail: its subject line and its body component (inside NotificationLayout). */
export type NotificationTemplate<K extends NotificationKind> = {
  subject: (message: MessageOf<K>) => string;
  Email: (props: EmailProps<K>) => ReactElement;
};
