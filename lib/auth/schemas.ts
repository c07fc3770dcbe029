import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your e-mail address.").pipe(z.email("Enter a valid e-mail address.")),
  password: z.string().min(1, "Enter your password."),
});

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.")),
  name: z.string().trim().min(1, "Name is required."),
  password: z.string().min(8, "Passwords need at least 8 characters."),
  role: z.enum(["ADMIN", "USER"]),
});
