-- Chatter entries written by the app (an SMS's or a letter's outcome) store a
-- code and its parameters, worded in the reader's language when shown; the body
-- keeps only what a person wrote (the SMS text, a note). Older rows have no code
-- and keep showing their body as it was written.
-- AlterTable
ALTER TABLE "chatter_message" ADD COLUMN     "code" TEXT,
ADD COLUMN     "params" JSONB;
