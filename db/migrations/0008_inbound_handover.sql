CREATE INDEX "inbound_events_handover_idx" ON "inbound_events" USING btree ("id") WHERE "inbound_events"."status" = 'received' and "inbound_events"."enqueued_at" is null;--> statement-breakpoint
-- Hand-written (not expressible in db/schema): wakes the relays listening on this channel when a
-- statement stored events that still need handing to the queue, so the hand-over does not wait for
-- the relay's interval. One notification per statement; Postgres delivers it at commit.
CREATE FUNCTION "notify_inbound_events_waiting"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows WHERE status = 'received' AND enqueued_at IS NULL) THEN
    PERFORM pg_notify('inbound_events_waiting', '');
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "inbound_events_waiting_notify" AFTER INSERT ON "inbound_events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_inbound_events_waiting"();
