-- Claims billed before the ledger existed get their charges, as ensureCharges would have posted
-- them when their batch marked them submitted: one per encounter line, the first claim billing it.
INSERT INTO "ledger_entry" ("practice_id", "patient_id", "encounter_id", "service_line_id", "claim_id", "payer_id", "account", "kind", "amount_cents", "effective_date", "source_type", "source_id")
SELECT DISTINCT ON ("service_line"."id") "service_line"."practice_id", "claim"."patient_id", "service_line"."encounter_id", "service_line"."id", "claim"."id", "claim"."payer_id", 'insurance', 'charge', "service_line"."charge_cents", "service_line"."service_date", 'claim', "claim"."id"::text
FROM "claim_line"
JOIN "claim" ON "claim"."id" = "claim_line"."claim_id"
JOIN "service_line" ON "service_line"."id" = "claim_line"."service_line_id"
WHERE "claim"."state" IN ('submitted', 'accepted', 'paid', 'partially_paid', 'denied', 'appealed', 'closed')
ORDER BY "service_line"."id", "claim"."id"
ON CONFLICT ("service_line_id") WHERE "kind" = 'charge' AND "reverses_entry_id" IS NULL DO NOTHING;
--> statement-breakpoint
INSERT INTO "audit_event" ("user_email", "practice_id", "action", "entity", "detail")
SELECT 'system', "practice_id", 'post', 'ledger_entry', jsonb_build_object('migration', 'charges for claims billed before the ledger', 'entries', count(*), 'centsByKind', jsonb_build_object('charge', sum("amount_cents")))
FROM "ledger_entry" WHERE "kind" = 'charge' AND "source_type" = 'claim' AND "posted_at" = now() GROUP BY "practice_id";
