-- CreateIndex
CREATE INDEX "sms_message_batch_key_state_idx" ON "sms_message"("batch_key", "state");
