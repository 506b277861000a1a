// Importing this module registers the app's periodic jobs and queue workers with the job runner
// (instrumentation.ts). Each job module calls registerJob()/registerWorker() at import; add its import here.
import "@/lib/commissions/approval-job";
import "@/lib/rewards/points-jobs";
import "@/lib/invites/invite-email-worker";
import "@/lib/webhooks/webhook-jobs";
import "@/lib/accounts/account-email-worker";
import "@/lib/queries/leaderboard-window-job";
import "@/lib/notifications/notification-jobs";
