import { inviteStatus, referralSource } from "@/db/schema/enums";
import { notificationStatus } from "@/db/schema/notifications";

// The database's enums that pages and components name, as values and types: app/ and components/ do not
// import db/, and a type written again by hand would drift from the column.

/** Where an invite came from (the `src` of an invite link, the report's source filter). */
export const REFERRAL_SOURCES = referralSource.enumValues;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** What became of an e-mail invite. */
export const INVITE_STATUSES = inviteStatus.enumValues;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

/** Where a notification e-mail stands in the outbox. */
export const NOTIFICATION_STATUSES = notificationStatus;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
