import type { ReactNode } from "react";
import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Row,
  Section,
  Text,
} from "@react-email/components";
import type { NotificationFrame } from "@/lib/notifications/messages";
import { emailColors as c, emailFont, PROGRAM_NAME } from "./brand";

// The frame every notification shares: wordmark, heading, greeting, the kind's own lines, one button to the
// page the message is about, and a footer with the two links the law and good manners ask for. Inline
// styles only: e-mail clients drop <style> blocks and class names unpredictably.

type LayoutProps = {
  frame: NotificationFrame;
  /** Inbox preview line (hidden in the body, skipped in the plain-text part). */
  preview: string;
  heading: string;
  actionLabel: string;
  children: ReactNode;
};

export function NotificationLayout({ frame, preview, heading, actionLabel, children }: LayoutProps) {
  return (
    <Html lang="en">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: c.ink100, fontFamily: emailFont, margin: 0, padding: "24px 12px" }}>
        <Container
          style={{
            maxWidth: "560px",
            backgroundColor: c.white,
            border: `1px solid ${c.ink200}`,
            borderRadius: "12px",
            padding: "28px 28px 20px",
          }}
        >
          <Text
            style={{
              margin: 0,
              color: c.brand700,
              fontSize: "15px",
              fontWeight: 700,
              letterSpacing: "0.2px",
            }}
          >
            {PROGRAM_NAME}
          </Text>
          <Heading
            as="h1"
            style={{ color: c.ink900, fontSize: "22px", lineHeight: "30px", margin: "20px 0 8px" }}
          >
            {heading}
          </Heading>
          <Paragraph>Hi {frame.recipientName},</Paragraph>
          {children}
          <Section style={{ margin: "24px 0 8px" }}>
            <Button
              href={frame.actionUrl}
              style={{
                backgroundColor: c.brand600,
                borderRadius: "8px",
                color: c.white,
                fontSize: "15px",
                fontWeight: 600,
                padding: "12px 20px",
                textDecoration: "none",
              }}
            >
              {actionLabel}
            </Button>
          </Section>
          <Hr style={{ borderColor: c.ink200, margin: "24px 0 16px" }} />
          <Text style={{ color: c.ink500, fontSize: "12px", lineHeight: "18px", margin: "0 0 8px" }}>
            You receive this e-mail because this notification is turned on for your {PROGRAM_NAME} account.
          </Text>
          {/* Two paragraphs side by side: in the plain-text part each link gets its own line. */}
          <Text style={footerLinkStyle}>
            <Link href={frame.unsubscribeUrl} style={{ color: c.ink600, textDecoration: "underline" }}>
              Unsubscribe from these e-mails
            </Link>
          </Text>
          <Text style={footerLinkStyle}>
            <Link href={frame.preferencesUrl} style={{ color: c.ink600, textDecoration: "underline" }}>
              Manage notifications
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

const footerLinkStyle = {
  display: "inline-block",
  color: c.ink500,
  fontSize: "12px",
  lineHeight: "18px",
  margin: "0 20px 0 0",
} as const;

export function Paragraph({ children }: { children: ReactNode }) {
  return (
    <Text style={{ color: c.ink700, fontSize: "15px", lineHeight: "24px", margin: "0 0 12px" }}>
      {children}
    </Text>
  );
}

/** Label/value pairs (amounts, counts, codes) as a two-column table that survives every e-mail client. */
export function Facts({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <Section
      style={{
        backgroundColor: c.ink50,
        border: `1px solid ${c.ink200}`,
        borderRadius: "8px",
        margin: "8px 0 16px",
        padding: "4px 16px",
      }}
    >
      {rows.map((row) => (
        <Row key={row.label} className="fact">
          <Column
            style={{ color: c.ink500, fontSize: "14px", padding: "8px 12px 8px 0", verticalAlign: "top" }}
          >
            {row.label}:
          </Column>
          <Column
            align="right"
            style={{
              color: c.ink900,
              fontSize: "14px",
              fontWeight: 600,
              padding: "8px 0",
              verticalAlign: "top",
            }}
          >
            {row.value}
          </Column>
        </Row>
      ))}
    </Section>
  );
}

/** Something the reader may copy (a coupon or referral code, an error), set apart in a monospace box. */
export function Mono({ children }: { children: ReactNode }) {
  return (
    <Text
      style={{
        backgroundColor: c.brand50,
        borderRadius: "6px",
        color: c.ink900,
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
        fontSize: "14px",
        lineHeight: "20px",
        margin: "4px 0 12px",
        padding: "10px 12px",
        whiteSpace: "pre-wrap",
        wordBreak: "break-word",
      }}
    >
      {children}
    </Text>
  );
}
