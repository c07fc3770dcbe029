import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    role: "ADMIN" | "USER";
    companyId: number;
  }
  interface Session {
    user: { id: number; role: "ADMIN" | "USER"; companyId: number; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: "ADMIN" | "USER";
    companyId: number;
  }
}
