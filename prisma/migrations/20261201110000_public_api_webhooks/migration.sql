-- CreateEnum
CREATE TYPE "ApiIdempotencyState" AS ENUM ('PROCESSING', 'DONE');

-- CreateEnum
CREATE TYPE "WebhookDeliveryState" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "api_key" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" CHAR(12) NOT NULL,
    "secret_hash" CHAR(64) NOT NULL,
    "scopes" TEXT[],
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_idempotency_key" (
    "id" BIGSERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "state" "ApiIdempotencyState" NOT NULL DEFAULT 'PROCESSING',
    "locked_until" TIMESTAMP(3) NOT NULL,
    "response_status" INTEGER,
    "response_body" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_idempotency_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_endpoint" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "endpoint_id" INTEGER NOT NULL,
    "state" "WebhookDeliveryState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "last_status" INTEGER,
    "delivered_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_attempt" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" BIGINT NOT NULL,
    "number" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "duration_ms" INTEGER NOT NULL,
    "status_code" INTEGER,
    "response_body" TEXT,
    "error" TEXT,

    CONSTRAINT "webhook_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_key_prefix_key" ON "api_key"("prefix");

-- CreateIndex
CREATE INDEX "api_key_company_id_created_at_idx" ON "api_key"("company_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "api_idempotency_key_created_at_idx" ON "api_idempotency_key"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_idempotency_key_company_id_key_key" ON "api_idempotency_key"("company_id", "key");

-- CreateIndex
CREATE INDEX "webhook_endpoint_company_id_idx" ON "webhook_endpoint"("company_id");

-- CreateIndex
CREATE INDEX "webhook_event_company_id_created_at_idx" ON "webhook_event"("company_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_delivery_state_next_attempt_at_idx" ON "webhook_delivery"("state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "webhook_delivery_endpoint_id_created_at_idx" ON "webhook_delivery"("endpoint_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "webhook_delivery_event_id_endpoint_id_key" ON "webhook_delivery"("event_id", "endpoint_id");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_attempt_delivery_id_number_key" ON "webhook_attempt"("delivery_id", "number");

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempt" ADD CONSTRAINT "webhook_attempt_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: owners, and what the database itself guarantees.
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE;
ALTER TABLE "api_idempotency_key" ADD CONSTRAINT "api_idempotency_key_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE;
ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE;
ALTER TABLE "webhook_event" ADD CONSTRAINT "webhook_event_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE;
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE;
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_scopes_known" CHECK (cardinality("scopes") > 0 AND "scopes" <@ ARRAY['read', 'charge']::text[]);
ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_events_chosen" CHECK (cardinality("events") > 0);
ALTER TABLE "api_idempotency_key" ADD CONSTRAINT "api_idempotency_key_done_has_response" CHECK ("state" <> 'DONE' OR ("response_status" IS NOT NULL AND "response_body" IS NOT NULL));

-- Hand-written: one event, one delivery per subscribed endpoint, in the
-- caller's transaction. lib/webhooks/emit.ts calls this, and so does the
-- trigger below: the credits engine's own statements (hold expiry) emit their
-- event in the same transaction without lib/iap knowing webhooks exist. No
-- subscribed endpoint: nothing is written and NULL is returned.
CREATE FUNCTION emit_webhook_event(p_company_id integer, p_type text, p_data jsonb) RETURNS uuid
LANGUAGE sql AS $$
  WITH endpoints AS (
    SELECT id FROM webhook_endpoint WHERE company_id = p_company_id AND enabled AND p_type = ANY(events)
  ), event AS (
    INSERT INTO webhook_event (company_id, type, data)
    SELECT p_company_id, p_type, p_data WHERE EXISTS (SELECT 1 FROM endpoints)
    RETURNING id
  ), deliveries AS (
    INSERT INTO webhook_delivery (event_id, endpoint_id) SELECT event.id, endpoints.id FROM event, endpoints
  )
  SELECT id FROM event
$$;

-- hold.expired, whichever path expired the hold (the sweep, a late capture, a
-- replayed charge). The payload is the API's Hold resource (lib/api/resources.ts,
-- holdResource); lib/webhooks/webhooks.integration.test.ts checks that the two agree.
CREATE FUNCTION webhook_hold_expired() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_company_id integer;
  v_service text;
  v_decimals integer;
BEGIN
  SELECT a.company_id, s.technical_name, s.decimals INTO v_company_id, v_service, v_decimals
    FROM iap_account a JOIN iap_service s ON s.id = a.service_id WHERE a.id = NEW.account_id;
  IF EXISTS (SELECT 1 FROM webhook_endpoint WHERE company_id = v_company_id AND enabled AND 'hold.expired' = ANY(events)) THEN
    PERFORM emit_webhook_event(v_company_id, 'hold.expired', jsonb_build_object('hold', jsonb_build_object(
      'id', NEW.id,
      'service', v_service,
      'amount', round(NEW.amount::numeric / power(10::numeric, v_decimals), v_decimals)::text,
      'captured_amount', NULL,
      'status', 'expired',
      'description', NEW.description,
      'reference', NEW.reference,
      'created_at', to_char(NEW.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'expires_at', to_char(NEW.expires_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER credit_hold_expired_webhook AFTER UPDATE OF status ON credit_hold
  FOR EACH ROW WHEN (OLD.status = 'PENDING' AND NEW.status = 'EXPIRED')
  EXECUTE FUNCTION webhook_hold_expired();
