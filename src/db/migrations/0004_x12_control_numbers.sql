-- X12 control numbers (ISA13 interchange, GS06 group, ST02 transaction set): never reused (no CYCLE).
CREATE SEQUENCE x12_interchange_control_number MINVALUE 1 MAXVALUE 999999999 NO CYCLE;
--> statement-breakpoint
CREATE SEQUENCE x12_group_control_number MINVALUE 1 MAXVALUE 999999999 NO CYCLE;
--> statement-breakpoint
CREATE SEQUENCE x12_transaction_control_number MINVALUE 1 MAXVALUE 999999999 NO CYCLE;
