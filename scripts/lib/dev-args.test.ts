import { describe, expect, it } from "vitest";
import { devArgs } from "./dev-args";

describe("devArgs", () => {
  it.each<[string[], Record<string, string>, number, string[]]>([
    [[], {}, 3000, []],
    [["--port", "4000"], {}, 4000, []],
    [["-p", "4001"], {}, 4001, []],
    [["--port=4002"], {}, 4002, []],
    [[], { PORT: "4003" }, 4003, []],
    // The flag wins over the variable, as with next dev.
    [["--port", "4004"], { PORT: "4005" }, 4004, []],
    [["--turbopack", "--port", "4006", "--hostname", "0.0.0.0"], {}, 4006, ["--turbopack", "--hostname", "0.0.0.0"]],
  ])("%j with %j → port %i, passing %j on", (argv, env, port, rest) => {
    expect(devArgs(argv, env)).toEqual({ port, rest });
  });

  it.each([[["--port"]], [["--port", "abc"]], [["-p", "70000"]], [["--port="]]])("refuses %j", (argv) => {
    expect(() => devArgs(argv, {})).toThrow(/port number/);
  });

  it("refuses a PORT that is not a port", () => {
    expect(() => devArgs([], { PORT: "http" })).toThrow(/PORT must be a port number/);
  });
});
