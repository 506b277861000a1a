-- Custom migration (hand-written) for issue 17's notifications: the domain events badge.earned and
-- tier.reached, recorded by triggers in the transaction of the change that causes them, and the per-user
-- daily rollup of points earned that the monthly summary e-mail reads (at the end of this file).
--
-- Why triggers and not recordEvent: both causes are rows other statements write. A badge is won by an
-- INSERT … ON CONFLICT DO NOTHING on user_badges, either inside the signup's single points statement
-- (lib/rewards/ledger.ts creditPointsClaiming) or by awardMilestones; a commission tier rises when
-- referrer_stats.qualified_referrals crosses a threshold, and that counter is moved by the referral rollup
-- triggers (0010) on a payment, a refund, a review or a reassignment. A trigger on the row that changed sees
-- every one of those paths exactly once, costs no round trip, and rolls back with its cause. Event ids have
-- the shape of lib/events/record-event.ts (eventsFromRowsSql); payloads are snake_case like the API's.

-- The commission tiers of lib/commissions/calculate-commission.ts (TIER_MULTIPLIERS): name, multiplier in
-- basis points and threshold of the highest tier `qualified` referrals reach; no row below the first tier.
-- lib/events/badge-and-tier-events.test.ts holds this function equal to TIER_MULTIPLIERS.
CREATE OR REPLACE FUNCTION commission_tier(qualified bigint, OUT name text, OUT multiplier_bps int, OUT min_referrals int)
LANGUAGE sql IMMUTABLE AS $$
  SELECT t.name, t.multiplier_bps, t.min_referrals
    FROM (VALUES ('Champion', 15000, 100), ('Ambassador', 12500, 50), ('Advocate', 11000, 25))
         AS t (name, multiplier_bps, min_referrals)
   WHERE qualified >= t.min_referrals
   ORDER BY t.min_referrals DESC
   LIMIT 1
$$;
--> statement-breakpoint

-- tier.reached: only when the tier rises (a referrer falling back below a threshold records nothing; one
-- who climbs back reaches it again). A jump over two thresholds at once reports the highest tier.
CREATE OR REPLACE FUNCTION referrer_tier_reached_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  reached record;
  before_min int;
BEGIN
  SELECT * INTO reached FROM commission_tier(NEW.qualified_referrals);
  IF reached.min_referrals IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT t.min_referrals INTO before_min FROM commission_tier(OLD.qualified_referrals) t;
  END IF;
  IF reached.min_referrals > coalesce(before_min, 0) THEN
    INSERT INTO domain_events (id, type, payload)
    VALUES ('evt_' || replace(gen_random_uuid()::text, '-', ''), 'tier.reached',
            jsonb_build_object('user_id', NEW.user_id, 'name', reached.name,
                               'multiplier', round(reached.multiplier_bps / 10000.0, 4)::float8,
                               'min_referrals', reached.min_referrals,
                               'qualified_referrals', NEW.qualified_referrals));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER referrer_tier_reached_update AFTER UPDATE OF qualified_referrals ON referrer_stats
  FOR EACH ROW WHEN (NEW.qualified_referrals > OLD.qualified_referrals)
  EXECUTE FUNCTION referrer_tier_reached_event();
--> statement-breakpoint
CREATE TRIGGER referrer_tier_reached_insert AFTER INSERT ON referrer_stats
  FOR EACH ROW WHEN (NEW.qualified_referrals > 0)
  EXECUTE FUNCTION referrer_tier_reached_event();
--> statement-breakpoint

-- badge.earned: one event per user_badges row inserted (a conflicting second award inserts no row).
-- The badge's display name is its enum value capitalised, as lib/rewards/rules.ts badgeNames spells it.
CREATE OR REPLACE FUNCTION badge_earned_events() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO domain_events (id, type, payload)
  SELECT 'evt_' || replace(gen_random_uuid()::text, '-', ''), 'badge.earned',
         jsonb_build_object('user_id', b.user_id, 'badge', b.badge, 'name', initcap(b.badge::text),
                            'awarded_at', b.awarded_at)
    FROM new_rows b
   ORDER BY b.user_id, b.badge;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER user_badges_earned_events AFTER INSERT ON user_badges
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION badge_earned_events();
--> statement-breakpoint

-- ---- Points earned per user and UTC day -------------------------------------------------------------------
-- The monthly summary's "points earned": credits (positive rows) that are not void, by the UTC day they were
-- created. Summing points_ledger for a month reads every entry of it (30 000 rows for the busiest seeded
-- referrer: a sequential scan, 0.7 s); the rollup is at most 31 rows. Kept like the rollups of 0010: an
-- insert adds its credits, a row voided (or un-voided) moves its points, a delete takes them back (UPDATE
-- only: inside a user's cascade the row may already be gone); upserts in key order. Recounted by
-- lib/referrals/rollup-mismatches.ts (ROLLUPS); lib/referrals/rebuild-rollups.ts rebuilds it from that
-- recount after a bulk load that ran with the triggers off.
CREATE TABLE "points_earned_daily" (
	"user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"day" date NOT NULL,
	"points" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("user_id", "day")
);
--> statement-breakpoint
INSERT INTO points_earned_daily (user_id, day, points)
SELECT user_id, (created_at AT TIME ZONE 'UTC')::date, sum(delta_points)
  FROM points_ledger WHERE delta_points > 0 AND status <> 'void'
 GROUP BY 1, 2 ORDER BY 1, 2;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION points_earned_daily_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO points_earned_daily AS s (user_id, day, points)
  SELECT user_id, (created_at AT TIME ZONE 'UTC')::date, sum(delta_points)
    FROM new_rows WHERE delta_points > 0 AND status <> 'void'
   GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (user_id, day) DO UPDATE SET points = s.points + EXCLUDED.points;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER points_earned_daily_insert AFTER INSERT ON points_ledger
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION points_earned_daily_insert();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION points_earned_daily_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE points_earned_daily s SET points = s.points - d.points
    FROM (SELECT user_id, (created_at AT TIME ZONE 'UTC')::date AS day, sum(delta_points) AS points
            FROM old_rows WHERE delta_points > 0 AND status <> 'void'
           GROUP BY 1, 2 ORDER BY 1, 2) d
   WHERE s.user_id = d.user_id AND s.day = d.day;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER points_earned_daily_delete AFTER DELETE ON points_ledger
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION points_earned_daily_delete();
--> statement-breakpoint
-- Spending and releasing points update rows all the time; only a change of what counts as earned (voided,
-- or a changed amount, day or owner) reaches the function.
CREATE OR REPLACE FUNCTION points_earned_daily_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.delta_points > 0 AND OLD.status <> 'void' THEN
    UPDATE points_earned_daily SET points = points - OLD.delta_points
     WHERE user_id = OLD.user_id AND day = (OLD.created_at AT TIME ZONE 'UTC')::date;
  END IF;
  IF NEW.delta_points > 0 AND NEW.status <> 'void' THEN
    INSERT INTO points_earned_daily AS s (user_id, day, points)
    VALUES (NEW.user_id, (NEW.created_at AT TIME ZONE 'UTC')::date, NEW.delta_points)
    ON CONFLICT (user_id, day) DO UPDATE SET points = s.points + EXCLUDED.points;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER points_earned_daily_update AFTER UPDATE ON points_ledger
  FOR EACH ROW WHEN ((OLD.status = 'void') IS DISTINCT FROM (NEW.status = 'void')
                     OR OLD.delta_points IS DISTINCT FROM NEW.delta_points
                     OR OLD.created_at IS DISTINCT FROM NEW.created_at
                     OR OLD.user_id IS DISTINCT FROM NEW.user_id)
  EXECUTE FUNCTION points_earned_daily_update();
