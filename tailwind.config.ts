import type { Config } from "tailwindcss";

/** Design tokens. Tailwind 4 reads this through `@config` in app/globals.css. */
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef4ff",
          100: "#dbe6fe",
          200: "#bfd3fe",
          500: "#4f6ef7",
          600: "#3b55e6",
          700: "#2f43c4",
          900: "#1e2a6b",
        },
        ink: { DEFAULT: "#111827", muted: "#4b5563", subtle: "#6b7280" },
        danger: { 50: "#fef2f2", 600: "#dc2626", 700: "#b91c1c" },
        success: { 50: "#f0fdf4", 600: "#16a34a", 700: "#15803d" },
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
      },
      boxShadow: { card: "0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.1)" },
    },
  },
};

export default config;
