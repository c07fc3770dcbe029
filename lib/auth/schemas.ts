import { z } from "zod";
import { textField } from "@/lib/http/params";

export const signInSchema = z.object({
  email: textField().trim().toLowerCase().min(1, "Enter your e-mail address.").pipe(z.email("Enter a valid e-mail address.")),
  password: textField().min(1, "Enter your password."),
});

export const newUserSchema = z.object({
  email: textField().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.")),
  name: textField().trim().min(1, "Name is required."),
  password: textField().min(8, "Passwords need at least 8 characters."),
  role: z.enum(["ADMIN", "USER"]),
});
