import type { Contact } from "@/lib/generated/prisma/client";

// A saved contact as the contact form shows it: what the page starts the form
// with, and what a save sends back (numbers as they were stored, formatted).
export interface ContactFormValues {
  id?: number;
  name: string;
  email: string;
  phone: string;
  mobile: string;
  country: string;
  street: string;
  city: string;
  zip: string;
}

export function contactFormValues(contact: Pick<Contact, "id" | "name" | "email" | "phone" | "mobile" | "country" | "street" | "city" | "zip">): ContactFormValues {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email ?? "",
    phone: contact.phone ?? "",
    mobile: contact.mobile ?? "",
    country: contact.country ?? "",
    street: contact.street ?? "",
    city: contact.city ?? "",
    zip: contact.zip ?? "",
  };
}
