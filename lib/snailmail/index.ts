// Snailmail: post a letter or a PDF document to a contact, on credits.
export { runLetterQueueOnce } from "./queue";
