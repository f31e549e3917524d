/** Server-side entry: the action wrapper and the form-state helpers. Client code imports `./form-state`. */
export * from "./form-state";
export * from "./safe-action";
