-- Custom migration (hand-written): the rewards program's defaults from the seeds, so a fresh install has
-- them even without demo data. Admins edit them on /admin/rewards; each `config` is validated by its
-- kind's zod schema in lib/rewards/rules.ts. Inserted only into empty tables, so re-running changes nothing.
--
--   double-sided   referrer +50, new client +20
--   tier schedule  referrals 1–3: 50 each, 4–10: 100 each, 11+: 150 each (the referrer's total per referral;
--                  the part above the double-sided +50 is booked as a tier bonus)
--   offer          refer 3 in 7 days: +500 — inactive until an admin gives it a start and an end
--   milestones     5 Bronze, 20 Silver, 50 Gold, each with a one-time bonus and the seed's unlocks
--   expiry         points expire 365 days after they become available, oldest first
--   qualifying     off: when on, a referrer's points stay pending until the referred client's first payment
INSERT INTO reward_rules (kind, name, config, is_active)
SELECT d.kind::reward_rule_kind, d.name, d.config::jsonb, d.is_active
  FROM (VALUES
    ('double_sided', 'Double-sided referral reward', '{"referrerPoints":50,"newClientPoints":20}', true),
    ('tier_schedule', 'Tiered referral schedule',
     '{"tiers":[{"fromReferral":1,"pointsEach":50},{"fromReferral":4,"pointsEach":100},{"fromReferral":11,"pointsEach":150}]}', true),
    ('offer', 'Refer 3 in 7 days', '{"referrals":3,"withinDays":7,"bonusPoints":500}', false),
    ('milestone', 'Bronze Referrer', '{"referrals":5,"badge":"bronze","bonusPoints":100,"unlock":"Free theme"}', true),
    ('milestone', 'Silver Referrer', '{"referrals":20,"badge":"silver","bonusPoints":250,"unlock":"1 month of Premium free"}', true),
    ('milestone', 'Gold Referrer', '{"referrals":50,"badge":"gold","bonusPoints":500,"unlock":null}', true),
    ('expiry', 'Points expiry', '{"days":365}', true),
    ('qualifying_activity', 'Qualifying activity: first payment', '{"event":"first_payment"}', false)
  ) AS d(kind, name, config, is_active)
 WHERE NOT EXISTS (SELECT 1 FROM reward_rules);
--> statement-breakpoint
INSERT INTO reward_catalog (name, description, cost_points, reward_type, reward_value, sort_order)
SELECT d.name, d.description, d.cost_points, d.reward_type::reward_type, d.reward_value, d.sort_order
  FROM (VALUES
    ('10% discount', '10% off your next MuseNest invoice.', 100, 'discount_percent', 10, 1),
    ('Free product', 'One MuseNest add-on of your choice, free.', 300, 'free_product', NULL::int, 2),
    ('Lifetime premium', 'MuseNest Premium for life, no more invoices.', 1000, 'lifetime_premium', NULL::int, 3)
  ) AS d(name, description, cost_points, reward_type, reward_value, sort_order)
 WHERE NOT EXISTS (SELECT 1 FROM reward_catalog);
