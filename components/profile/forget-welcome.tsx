"use client";

/** The welcome after "Finish" is shown once: its cookie is dropped as soon as it is seen. */
import { useEffect } from "react";
import { WELCOME_COOKIE } from "@/lib/onboarding/welcome";

export function ForgetWelcome() {
  useEffect(() => {
    document.cookie = `${WELCOME_COOKIE}=; Path=/profile; Max-Age=0; SameSite=Lax`;
  }, []);
  return null;
}
