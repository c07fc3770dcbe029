import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "IAP Credits", template: "%s · IAP Credits" },
  description: "In-app purchase credits for your ERP services.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
