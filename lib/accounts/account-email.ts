// The account e-mails, pure: what SMTP sends and what the admin outbox shows are the same stored subject
// and body. Plain text, like the invites.

export type AccountEmail = { subject: string; text: string };

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

export function passwordResetEmail(input: {
  name: string;
  link: string;
  validMinutes: number;
}): AccountEmail {
  return {
    subject: "Reset your MuseNest password",
    text: [
      `Hi ${oneLine(input.name) || "there"},`,
      "",
      "Someone (hopefully you) asked to reset the password of your MuseNest account.",
      "",
      `Choose a new password: ${input.link}`,
      "",
      `The link works once and for ${input.validMinutes} minutes. Setting a new password signs you out everywhere else.`,
      "",
      "If you didn't ask for this, ignore this e-mail: your password stays as it is.",
    ].join("\n"),
  };
}

export function emailChangeConfirmEmail(input: {
  name: string;
  link: string;
  validHours: number;
}): AccountEmail {
  return {
    subject: "Confirm your new MuseNest e-mail address",
    text: [
      `Hi ${oneLine(input.name) || "there"},`,
      "",
      "Confirm that this is the new e-mail address of your MuseNest account:",
      "",
      input.link,
      "",
      `The link works once and for ${input.validHours} hours. Until you confirm, you sign in with your old address.`,
      "",
      "If you didn't ask for this, ignore this e-mail.",
    ].join("\n"),
  };
}

export function emailChangedNoticeEmail(input: { name: string; newEmailMasked: string }): AccountEmail {
  return {
    subject: "Your MuseNest e-mail address was changed",
    text: [
      `Hi ${oneLine(input.name) || "there"},`,
      "",
      `The e-mail address of your MuseNest account is now ${input.newEmailMasked}. You sign in with it from now on.`,
      "",
      "If you didn't do this, reply to this e-mail or contact support at once: someone may have your password.",
    ].join("\n"),
  };
}

/** "maya.chen@example.com" → "ma•••@example.com": enough to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email.slice(0, Math.min(2, at))}•••${email.slice(at)}`;
}
