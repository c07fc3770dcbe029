// The OCR worker thread: tesseract.js's own Node worker script, started at the
// lowest CPU priority. On Linux setpriority(0) applies to the calling thread
// only, so OCR yields to the web server's requests in the same process.
"use strict";
try {
  require("node:os").setPriority(19);
} catch {
  // not permitted here: run at normal priority
}
require("tesseract.js/src/worker-script/node/index.js");
