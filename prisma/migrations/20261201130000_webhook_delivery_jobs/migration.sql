-- Hand-written: each attempt of an outgoing webhook delivery is a job
-- ("webhooks.deliver" in lib/jobs/list.ts), queued in the transaction that
-- makes the delivery due, whichever code does it: the event written
-- (emit_webhook_event, from lib/webhooks/emit.ts or the hold-expiry trigger),
-- the next retry scheduled after a failed attempt, an admin's re-send. The job
-- runs at the delivery's next_attempt_at (a timestamp(3) in UTC). Its key is
-- the delivery's, so a delivery has one waiting job; max_attempts and the
-- company flag are what lib/jobs/enqueue.ts would write
-- (lib/webhooks/webhooks.integration.test.ts checks they agree with the job list).
-- Before graphile-worker's schema exists nothing is added: the webhook sweep
-- finds the delivery.

-- New deliveries: one call per statement (an event for many endpoints, a batch of events).
CREATE FUNCTION "webhook_delivery_enqueue_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regnamespace('graphile_worker') IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM graphile_worker.add_jobs(ARRAY(
    SELECT ROW('webhooks.deliver', json_build_object('deliveryId', d.id::text, 'companyId', p.company_id), NULL,
               d.next_attempt_at AT TIME ZONE 'UTC', 5, 'webhooks.deliver:' || d.id, NULL, ARRAY['company:' || p.company_id])::graphile_worker.job_spec
      FROM new_deliveries d JOIN webhook_endpoint p ON p.id = d.endpoint_id
     WHERE d.state = 'PENDING'
     ORDER BY d.id
  ));
  RETURN NULL;
END
$$;

CREATE TRIGGER "webhook_delivery_enqueue_new"
  AFTER INSERT ON "webhook_delivery"
  REFERENCING NEW TABLE AS new_deliveries
  FOR EACH STATEMENT EXECUTE FUNCTION "webhook_delivery_enqueue_new"();

-- A delivery due again (its next retry, a re-send): its waiting job moves to
-- the new time; a job running right now (the attempt that scheduled the retry)
-- keeps running and the next one is queued after it.
CREATE FUNCTION "webhook_delivery_enqueue_again"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_company_id integer;
BEGIN
  IF to_regnamespace('graphile_worker') IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT company_id INTO v_company_id FROM webhook_endpoint WHERE id = NEW.endpoint_id;
  PERFORM graphile_worker.add_job('webhooks.deliver', json_build_object('deliveryId', NEW.id::text, 'companyId', v_company_id),
                                  run_at => NEW.next_attempt_at AT TIME ZONE 'UTC', max_attempts => 5,
                                  job_key => 'webhooks.deliver:' || NEW.id, flags => ARRAY['company:' || v_company_id]);
  RETURN NULL;
END
$$;

CREATE TRIGGER "webhook_delivery_enqueue_again"
  AFTER UPDATE OF state, next_attempt_at ON "webhook_delivery"
  FOR EACH ROW
  WHEN (NEW.state = 'PENDING' AND (OLD.state IS DISTINCT FROM NEW.state OR OLD.next_attempt_at IS DISTINCT FROM NEW.next_attempt_at))
  EXECUTE FUNCTION "webhook_delivery_enqueue_again"();
