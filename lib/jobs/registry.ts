// Importing this module registers the app's periodic jobs with the in-app scheduler (instrumentation.ts).
// Each job module calls registerJob() at import; add its import here.
import "@/lib/commissions/approval-job";
import "@/lib/rewards/points-jobs";
