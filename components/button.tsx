import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";

type Variant = "primary" | "secondary" | "danger" | "link";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/50",
  secondary: "border border-gray-300 bg-white text-gray-800 hover:bg-gray-50 disabled:text-gray-400",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/50",
  link: "text-brand-600 underline-offset-2 hover:underline disabled:text-gray-400",
};

export function buttonClasses(variant: Variant = "primary", extra = "") {
  const shape = variant === "link" ? "" : "rounded-md px-3.5 py-2 text-sm font-medium shadow-xs";
  return `inline-flex items-center justify-center gap-2 ${shape} ${VARIANTS[variant]} disabled:cursor-not-allowed ${extra}`;
}

export function Spinner() {
  return <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />;
}

export function Button({
  variant = "primary",
  pending = false,
  pendingLabel,
  className = "",
  children,
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; pending?: boolean; pendingLabel?: string }) {
  return (
    <button {...props} disabled={disabled || pending} aria-busy={pending || undefined} className={buttonClasses(variant, className)}>
      {pending && <Spinner />}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** A link that looks like a button: a page's "New" or "Generate leads", a card's way to its settings. */
export function ButtonLink({ variant = "primary", className = "", ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link {...props} className={buttonClasses(variant, className)} />;
}
