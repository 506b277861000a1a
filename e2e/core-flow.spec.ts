import { expect, test } from "@playwright/test";
import { LoginPage, MAYA_EMAIL } from "./pages/login-page";
import { SignupPage } from "./pages/signup-page";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test("an invite link leads to a validated signup, and both dashboards show the referral", async ({
  page,
  browser,
}) => {
  await page.goto("/r/MAYA2025?src=whatsapp");
  await expect(page).toHaveURL(/\/signup\?ref=MAYA2025$/);
  const signup = new SignupPage(page);
  await expect(signup.referralCode).toHaveValue("MAYA2025");
  await expect(signup.codeStatus).toHaveText("✓ Code by Maya");
  // Greeted the way the link's preview card put it: who invites and what they get.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Maya invited you to MuseNest");
  await expect(
    page.getByText("Sign up with code MAYA2025 and get a 7-day free trial and 20 bonus points."),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/screens/signup-valid-code.png", fullPage: true });

  const email = `quinn.${unique()}@example.org`;
  await signup.fill({
    name: "Quinn Harper",
    email,
    password: "a good long password",
    phone: "+1 415 555 0142",
  });
  await signup.submit.click();
  await expect(page).toHaveURL(/\/dashboard\?welcome=1$/);
  // Just signed up: welcomed, not welcomed "back".
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Quinn Harper");
  // The new client's own code, name-based.
  await expect(page.getByText(/^QUINN\d{2,4}$/).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/new-client-dashboard.png", fullPage: true });

  const mayaContext = await browser.newContext();
  const mayaPage = await mayaContext.newPage();
  await new LoginPage(mayaPage).signInAs(MAYA_EMAIL);
  await mayaPage
    .getByRole("navigation", { name: "Dashboard", exact: true })
    .getByRole("link", { name: "Referrals" })
    .click();
  await expect(mayaPage).toHaveURL(/\/dashboard\/referrals$/);
  // Newest first: Quinn is on the first page (the table at this width; phones get a list instead).
  const latest = mayaPage
    .getByRole("region", { name: "People you referred" })
    .getByRole("group", { name: "Referrals table" });
  await expect(latest.getByText("Quinn Harper")).toBeVisible();
  await expect(latest.getByText("q***@example.org")).toBeVisible();
  await mayaContext.close();
});

test("the code field explains an expired, a used-up, an unknown, a malformed and a respelled code", async ({
  page,
}) => {
  const signup = new SignupPage(page);
  await signup.goto("MAYA2024");
  // An expired code greets no one by name.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your account");
  await expect(signup.codeStatus).toHaveText("✗ Referral code has expired");
  await signup.referralCode.fill("MAYAFULL");
  await expect(signup.codeStatus).toHaveText("✗ Referral code has reached its usage limit");
  await signup.referralCode.fill("NOPE-9999");
  await expect(signup.codeStatus).toHaveText("✗ Referral code not found or inactive");
  await signup.referralCode.fill("AB");
  await expect(signup.codeStatus).toHaveText("✗ Invalid code format");
  // Another spelling of a real code is accepted and said to be read as that code.
  await signup.referralCode.fill("maya-2o25");
  await expect(signup.codeStatus).toHaveText("✓ Read as MAYA2025: code by Maya");
  await page.screenshot({ path: "test-results/screens/signup-bad-code.png", fullPage: true });
});

test("a used-up code is refused on submit too, with the form kept", async ({ page }) => {
  const signup = new SignupPage(page);
  await signup.goto("MAYAFULL");
  const email = `late.${unique()}@example.org`;
  await signup.fill({ name: "Late Comer", email, password: "a good long password" });
  await signup.submit.click();
  await expect(page.getByText("Referral code has reached its usage limit").first()).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
  await expect(signup.email).toHaveValue(email);
});

test("signup without a code works and field errors are shown under their inputs", async ({ page }) => {
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ name: "No Code", email: "not-an-email", password: "short", phone: "12" });
  await signup.submit.click();
  await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await expect(page.getByText(/Enter a valid phone number/)).toBeVisible();

  await signup.email.fill(`nocode.${unique()}@example.org`);
  await signup.phone.fill("");
  await signup.password.fill("a good long password");
  await signup.submit.click();
  await expect(page).toHaveURL(/\/dashboard\?welcome=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, No Code");
});
