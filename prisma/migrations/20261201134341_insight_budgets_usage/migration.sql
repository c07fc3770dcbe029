-- AlterTable
ALTER TABLE "company" ADD COLUMN     "time_zone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "iap_account" ADD COLUMN     "default_budget" BIGINT,
ADD COLUMN     "default_budget_hard" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "empty_alerted_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "credit_hold" ADD COLUMN     "budget_month" DATE;

-- CreateTable
CREATE TABLE "user_budget" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "limit" BIGINT NOT NULL,
    "hard" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_usage" (
    "account_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "used" BIGINT NOT NULL DEFAULT 0,
    "warned_at" TIMESTAMP(3),

    CONSTRAINT "budget_usage_pkey" PRIMARY KEY ("account_id","user_id","month")
);

-- CreateTable
CREATE TABLE "usage_day" (
    "account_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "user_id" INTEGER NOT NULL DEFAULT 0,
    "kind" TEXT NOT NULL,
    "used" BIGINT NOT NULL DEFAULT 0,
    "granted" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "usage_day_pkey" PRIMARY KEY ("account_id","day","user_id","kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_budget_account_id_user_id_key" ON "user_budget"("account_id", "user_id");

-- AddForeignKey
ALTER TABLE "user_budget" ADD CONSTRAINT "user_budget_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "iap_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_usage" ADD CONSTRAINT "budget_usage_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "iap_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_day" ADD CONSTRAINT "usage_day_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "iap_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what schema.prisma cannot say.
ALTER TABLE "user_budget" ADD CONSTRAINT "user_budget_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE;
ALTER TABLE "user_budget" ADD CONSTRAINT "user_budget_limit_non_negative" CHECK ("limit" >= 0);
ALTER TABLE "iap_account" ADD CONSTRAINT "iap_account_default_budget_non_negative" CHECK ("default_budget" IS NULL OR "default_budget" >= 0);
ALTER TABLE "budget_usage" ADD CONSTRAINT "budget_usage_used_non_negative" CHECK ("used" >= 0);

-- The first day of the month `at` falls in, in time zone `tz`: budget months.
CREATE FUNCTION "month_start_in"(tz text, at timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (date_trunc('month', at AT TIME ZONE tz))::date
$$;

-- usage_day: the ledger summed per account, day (company time zone), user and
-- kind of work, kept in the statement that writes the entries. A statement-level
-- trigger sums its whole batch at once (a bulk insert costs one upsert per
-- group, not per row). Its rows are locked after the account row the same
-- statement already updated, the order every ledger write follows, so it
-- adds no new wait and no deadlock.
CREATE FUNCTION "usage_day_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_day (account_id, day, user_id, kind, used, granted)
  SELECT n.account_id,
         ((n.created_at AT TIME ZONE 'UTC') AT TIME ZONE c.time_zone)::date,
         COALESCE(n.created_by_id, 0),
         CASE WHEN n.kind = 'USAGE' THEN COALESCE(NULLIF(split_part(n.reference, ':', 1), ''), 'other') ELSE lower(n.kind::text) END,
         sum(CASE WHEN n.amount < 0 THEN -n.amount ELSE 0 END),
         sum(CASE WHEN n.amount > 0 THEN n.amount ELSE 0 END)
    FROM new_rows n JOIN iap_account a ON a.id = n.account_id JOIN company c ON c.id = a.company_id
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (account_id, day, user_id, kind)
  DO UPDATE SET used = usage_day.used + EXCLUDED.used, granted = usage_day.granted + EXCLUDED.granted;
  RETURN NULL;
END $$;
CREATE TRIGGER "ledger_entry_usage_day"
  AFTER INSERT ON "ledger_entry" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_day_add"();

-- The history so far, summed the same way.
INSERT INTO usage_day (account_id, day, user_id, kind, used, granted)
SELECT e.account_id,
       ((e.created_at AT TIME ZONE 'UTC') AT TIME ZONE c.time_zone)::date,
       COALESCE(e.created_by_id, 0),
       CASE WHEN e.kind = 'USAGE' THEN COALESCE(NULLIF(split_part(e.reference, ':', 1), ''), 'other') ELSE lower(e.kind::text) END,
       sum(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END),
       sum(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END)
  FROM ledger_entry e JOIN iap_account a ON a.id = e.account_id JOIN company c ON c.id = a.company_id
 GROUP BY 1, 2, 3, 4;

-- The history filters: by user and by date within an account.
CREATE INDEX "ledger_entry_account_created_at_idx" ON "ledger_entry" ("account_id", "created_at");
